import pytest

from aggregator.bundled import bundled


@pytest.fixture(scope="session")
def snapshot():
    """The bundled snapshot; ``snapshot.read(url)`` gives a page's HTML."""
    return bundled()
