"""The published feeds (RSS, Atom, JSON Feed, iCal) and pages, generated from the
database only; nothing here touches the network."""
