// Each timed VEVENT's start and end as ical.js (Thunderbird's parser) reads them,
// in seconds since the epoch, with the calendar's own VTIMEZONEs: prints
// {file: {uid: [start, end]}} for the .ics files given, ical.js's path first.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [icaljs, ...files] = process.argv.slice(2);
const ICAL = (await import(pathToFileURL(icaljs).href)).default;
const read = {};
for (const file of files) {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
  const zones = calendar.getAllSubcomponents("vtimezone");
  for (const zone of zones) ICAL.TimezoneService.register(zone);
  const events = {};
  for (const vevent of calendar.getAllSubcomponents("vevent")) {
    const event = new ICAL.Event(vevent);
    if (!event.startDate.isDate) events[event.uid] = [event.startDate.toUnixTime(), event.endDate.toUnixTime()];
  }
  for (const zone of zones) ICAL.TimezoneService.remove(zone.getFirstPropertyValue("tzid"));
  read[file] = events;
}
console.log(JSON.stringify(read));
