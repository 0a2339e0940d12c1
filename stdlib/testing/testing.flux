// Package testing compares streams of tables and checks errors: the assertions of `testcase` blocks, which
// `jflux test` runs. A test case fails when one of its statements fails, or when a result named errorOutput
// (what diff, assertEqualValues and shouldError yield) has a row.
package testing

import "array"

// assertEquals returns got unchanged when it holds the same tables as want, and fails otherwise, naming the
// assertion and showing the first table that differs (as diff compares them).
builtin assertEquals : (name: string, <-got: stream[A], want: stream[A]) => stream[A]

// assertEmpty returns its input unchanged when no table of it has a row, and fails otherwise.
builtin assertEmpty : (<-tables: stream[A]) => stream[A]

// diff compares two streams: tables are matched by group key, columns by label and type, rows in order. For
// each group key whose tables differ it returns one table: the group key columns, a string column _diff, then
// the other columns; a row of want is marked `-`, a row of got `+`, from the first row that differs on. With
// verbose, rows that are equal are kept too, with an empty _diff. Floats are equal when they differ by at most
// epsilon (default 0.000000001); NaN equals NaN only with nansEqual. An empty table equals a missing one.
// The result is yielded as errorOutput, so an inequality fails the test case.
builtin diff : (
    <-got: stream[A],
    want: stream[A],
    ?verbose: bool,
    ?epsilon: float,
    ?nansEqual: bool,
) => stream[{A with _diff: string}]

// shouldError calls fn, reads the stream it returns, if any, and expects an error whose message matches want.
// It yields errorOutput: no table when the message matches, a table with the message in column v when it does
// not. It fails when fn succeeds.
builtin shouldError : (fn: () => A, want: regexp) => stream[{v: string}]

// load returns its input unchanged: test data that InfluxDB would load into storage stays in memory here.
option load = (tables=<-) => tables

// assertEqualValues compares two values as diff compares one-row tables with a column v.
assertEqualValues = (got, want) => diff(got: array.from(rows: [{v: got}]), want: array.from(rows: [{v: want}]))
