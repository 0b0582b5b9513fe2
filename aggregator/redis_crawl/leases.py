"""Requests leased to a worker until their page is fully handled.

scrapy-redis pops a request from the shared queue: a worker that dies with it
would lose the page and everything it links to. Here the pop moves the request,
in one Redis step, into the worker's lease hash; it leaves that hash only when
its callback's outputs are all in Redis (or its errback has run, or it went back
to the queue as a redirect or retry). A worker whose heartbeat expired has its
leases put back in their queues by whoever reaps (the writer, or an idle worker).
"""

from __future__ import annotations

from uuid import uuid4

from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler

PREFIX = "clusterfeeds"
LEASE = "clusterfeeds_lease"  # the request's meta key holding its lease id


def key(*parts: str) -> str:
    return ":".join((PREFIX, *parts))


# KEYS: queue, lease hash; ARGV: lease id. Lease value: score, queue key, request.
POP = """
local found = redis.call('zrange', KEYS[1], 0, 0, 'withscores')
if #found == 0 then return false end
redis.call('zrem', KEYS[1], found[1])
redis.call('hset', KEYS[2], ARGV[1], found[2] .. '\\n' .. KEYS[1] .. '\\n' .. found[1])
return found[1]
"""

# KEYS: workers set; ARGV: prefix, and a worker to reap even if alive (its own
# clean shutdown) or ''. Returns how many requests went back to their queues.
# A request put back twice is one member of its sorted set: reaping twice is harmless.
REAP = """
local requeued = 0
for _, worker in ipairs(redis.call('smembers', KEYS[1])) do
  if worker == ARGV[2] or redis.call('exists', ARGV[1] .. ':alive:' .. worker) == 0 then
    local leases = ARGV[1] .. ':leases:' .. worker
    for _, lease in ipairs(redis.call('hvals', leases)) do
      local score_end = string.find(lease, '\\n', 1, true)
      local queue_end = string.find(lease, '\\n', score_end + 1, true)
      redis.call('zadd', string.sub(lease, score_end + 1, queue_end - 1),
                 string.sub(lease, 1, score_end - 1), string.sub(lease, queue_end + 1))
      requeued = requeued + 1
    end
    redis.call('del', leases)
    redis.call('srem', KEYS[1], worker)
  end
end
return requeued
"""

# KEYS: the sources' queues (zsets), then their outputs (lists); ARGV: prefix,
# number of queues. What is still to do: queued, leased or not yet stored.
PENDING = """
local pending = 0
for i, name in ipairs(KEYS) do
  if i <= tonumber(ARGV[2]) then pending = pending + redis.call('zcard', name)
  else pending = pending + redis.call('llen', name) end
end
for _, worker in ipairs(redis.call('smembers', ARGV[1] .. ':workers')) do
  pending = pending + redis.call('hlen', ARGV[1] .. ':leases:' .. worker)
end
return pending
"""


def reap(server, worker: str = "") -> int:
    """Put back the leases of every worker whose heartbeat expired (and of ``worker``)."""
    return server.eval(REAP, 1, key("workers"), PREFIX, worker)


def pending(server, sources: list[str]) -> int:
    queues = [key(name, "requests") for name in sources]
    outputs = [key(name, "out") for name in sources]
    return server.eval(PENDING, len(queues) + len(outputs), *queues, *outputs, PREFIX, len(queues))


class LeasedQueue(PriorityQueue):
    """scrapy-redis' priority queue whose pop leases the request to this worker."""

    def __init__(self, server, spider, key, serializer=None):
        super().__init__(server, spider, key, serializer)
        self.leases = leases_key(spider.crawler.settings.get("CLUSTERFEEDS_WORKER"))
        self._pop = server.register_script(POP)

    def pop(self, timeout=0):
        lease = uuid4().hex
        data = self._pop(keys=[self.key, self.leases], args=[lease])
        if data is None:
            return None
        request = self._decode_request(data)
        request.meta[LEASE] = lease
        return request

    def release(self, lease: str) -> None:
        self.server.hdel(self.leases, lease)


def leases_key(worker: str) -> str:
    return key("leases", worker)


class LeasingScheduler(Scheduler):
    """A request carrying a lease that comes back to the scheduler (a redirect, a
    retry) is queued anew, or dropped as a duplicate: either way its old lease ends."""

    def enqueue_request(self, request):
        lease = request.meta.pop(LEASE, None)
        try:
            return super().enqueue_request(request)
        finally:
            if lease:
                self.queue.release(lease)
