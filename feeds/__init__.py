"""The published feeds (RSS, iCal) and page, generated from the database only."""
