// Package universe holds what every Flux script sees without an import.
package universe

import "system"

builtin true : bool
builtin false : bool

// Conversions: each returns null for a null argument.
builtin int : (v: A) => int
builtin uint : (v: A) => uint
builtin float : (v: A) => float
builtin string : (v: A) => string
builtin bool : (v: A) => bool
builtin time : (v: A) => time
builtin duration : (v: A) => duration
builtin bytes : (v: A) => bytes

// display returns a readable form of any value.
builtin display : (v: A) => string

// length returns the number of elements of an array.
builtin length : (<-arr: [A]) => int

// contains tells whether value is an element of set.
builtin contains : (value: A, set: [A]) => bool where A: Nullable

// die stops the script with an error carrying msg.
builtin die : (msg: string) => A

// now returns the time the execution started, or the time set with `option now` or `jflux run --now`.
option now = system.time

// yield names a stream of tables as a result of the script.
builtin yield : (<-tables: stream[A], ?name: string) => stream[A]

// limit keeps the first n rows of each table, after skipping offset rows.
builtin limit : (<-tables: stream[A], n: int, ?offset: int) => stream[A]

// ---- Transformations of rows and columns (Java: RowTransformations)


// ---- Aggregates, selectors, ordering and windows (Java: Aggregates)


// ---- Testing helpers in the universe, if any (Java: none)

