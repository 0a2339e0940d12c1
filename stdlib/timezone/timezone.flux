// Package timezone gives locations for windows (window, aggregateWindow): a time zone and a fixed offset.
package timezone

// utc is Coordinated Universal Time, the default location.
utc = {zone: "UTC", offset: 0s}

// fixed is UTC shifted by offset: windows of a day then start at midnight of that offset.
fixed = (offset) => ({zone: "UTC", offset: offset})

// location is the time zone named name (IANA name, e.g. America/New_York).
location = (name) => ({zone: name, offset: 0s})
