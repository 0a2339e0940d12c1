// Package csv reads annotated CSV, the format InfluxDB returns query results in.
package csv

// from returns the tables of annotated CSV given as text (csv) or read from a file (file; a relative path is
// relative to the working directory). Give exactly one of the two. mode is "annotations" (the default) or "raw":
// plain CSV whose first row holds the labels, every column a string, all rows in one table.
builtin from : (?csv: string, ?file: string, ?mode: string) => stream[A] where A: Record
