// Package universe holds what every Flux script sees without an import.
package universe

import "system"
import "timezone"

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

// location is where window and aggregateWindow align their windows by default (timezone.utc).
option location = timezone.utc

// yield names a stream of tables as a result of the script.
builtin yield : (<-tables: stream[A], ?name: string) => stream[A]

// limit keeps the first n rows of each table, after skipping offset rows.
builtin limit : (<-tables: stream[A], n: int, ?offset: int) => stream[A]

// ---- Transformations of rows and columns (Java: RowTransformations)

// filter keeps the rows for which fn returns true; a table left empty is dropped unless onEmpty is "keep".
builtin filter : (<-tables: stream[A], fn: (r: A) => bool, ?onEmpty: string) => stream[A] where A: Record

// map replaces each row by the record fn returns; group-key columns the record drops leave the key.
builtin map : (<-tables: stream[A], fn: (r: A) => B, ?mergeKey: bool) => stream[B]

// set writes the string value into column key of every row.
builtin set : (<-tables: stream[A], key: string, value: string) => stream[A] where A: Record

// duplicate copies column into a column named as.
builtin duplicate : (<-tables: stream[A], column: string, as: string) => stream[B] where A: Record, B: Record

// rename renames columns, by a record of old to new names or by a function of the old name.
builtin rename : (<-tables: stream[B], ?columns: A, ?fn: (column: string) => string) => stream[C]
    where
    A: Record,
    B: Record,
    C: Record

// keep keeps only the listed columns, or those for which fn is true.
builtin keep : (<-tables: stream[A], ?columns: [string], ?fn: (column: string) => bool) => stream[B]
    where
    A: Record,
    B: Record

// drop removes the listed columns, or those for which fn is true.
builtin drop : (<-tables: stream[A], ?columns: [string], ?fn: (column: string) => bool) => stream[B]
    where
    A: Record,
    B: Record

// group regroups rows by the listed columns (mode "by") or by all others (mode "except"); group() ungroups.
builtin group : (<-tables: stream[A], ?columns: [string], ?mode: string) => stream[A] where A: Record

// range keeps rows with start <= _time < stop and adds the bounds as _start and _stop.
builtin range : (<-tables: stream[{C with _time: time}], start: A, ?stop: B) => stream[{C with _time: time, _stop: time, _start: time}]

// union merges two or more streams into one.
builtin union : (tables: [stream[A]]) => stream[A] where A: Record

// columns lists the column labels of each table in column (default "_value").
builtin columns : (<-tables: stream[A], ?column: string) => stream[B] where A: Record, B: Record

// keys lists the group-key column labels of each table in column (default "_value").
builtin keys : (<-tables: stream[A], ?column: string) => stream[B] where A: Record, B: Record

// truncateTimeColumn truncates _time to a whole number of units.
builtin truncateTimeColumn : (<-tables: stream[{B with _time: C}], unit: duration, ?timeColumn: A) => stream[{B with _time: C, _time: time}]
    where
    C: Timeable

// timeShift adds duration to the listed time columns (default _start, _stop and _time).
builtin timeShift : (<-tables: stream[A], duration: duration, ?columns: [string]) => stream[A]

// fill replaces the nulls of column (default "_value") by value, or by the previous non-null value.
builtin fill : (<-tables: stream[B], ?column: string, ?usePrevious: bool, ?value: A) => stream[C] where B: Record, C: Record

// to writes its input to InfluxDB and passes it on; the same function as influxdb.to (package influxdata/influxdb).
builtin to : (<-tables: stream[A], ?bucket: string, ?bucketID: string, ?org: string, ?orgID: string, ?host: string, ?token: string, ?timeColumn: string, ?measurementColumn: string, ?tagColumns: [string], ?fieldFn: (r: A) => B) => stream[A]
    where
    A: Record,
    B: Record


// ---- Aggregates, selectors, ordering and windows (Java: Aggregates)

// sort orders the rows of each table by columns (default ["_value"]), stably. Nulls come first in both
// directions, as Flux's engine orders them. Columns in the group key or missing from a table are skipped.
builtin sort : (<-tables: stream[A], ?columns: [string], ?desc: bool) => stream[A] where A: Record

// tail keeps the last n rows of each table, before its last offset rows.
builtin tail : (<-tables: stream[A], n: int, ?offset: int) => stream[A]

// Selectors keep whole rows: first and last keep the first and last row whose column (default "_value") is not
// null; min and max keep the first row holding the smallest or largest non-null value. A table with no such row
// gives an empty table.
builtin first : (<-tables: stream[A], ?column: string) => stream[A] where A: Record
builtin last : (<-tables: stream[A], ?column: string) => stream[A] where A: Record
builtin min : (<-tables: stream[A], ?column: string) => stream[A] where A: Record
builtin max : (<-tables: stream[A], ?column: string) => stream[A] where A: Record

// Aggregates give one row per table: the group key columns and the aggregated column. count counts rows (nulls
// too); sum keeps the column's type; mean gives a float; spread is max - min in the column's type; stddev gives
// a float (mode "sample" or "population"). Nulls are skipped; a table without values gives null (count: 0).
builtin count : (<-tables: stream[A], ?column: string) => stream[B] where A: Record, B: Record
builtin sum : (<-tables: stream[A], ?column: string) => stream[B] where A: Record, B: Record
builtin mean : (<-tables: stream[A], ?column: string) => stream[B] where A: Record, B: Record
builtin spread : (<-tables: stream[A], ?column: string) => stream[B] where A: Record, B: Record
builtin stddev : (<-tables: stream[A], ?column: string, ?mode: string) => stream[B] where A: Record, B: Record

// quantile computes quantile q of a column: method "estimate_tdigest" (default) and "exact_mean" aggregate a
// float column; "exact_selector" keeps the row holding the value at the quantile.
builtin quantile : (
        <-tables: stream[A],
        ?column: string,
        q: float,
        ?compression: float,
        ?method: string,
    ) => stream[A]
    where
    A: Record

// distinct gives, per table, the group key and a _value column with each distinct value of column, in order of
// first appearance (null once).
builtin distinct : (<-tables: stream[A], ?column: string) => stream[B] where A: Record, B: Record

// unique keeps the rows holding the first occurrence of each value of column.
builtin unique : (<-tables: stream[A], ?column: string) => stream[A] where A: Record

// pivot turns the values of the columnKey columns into columns, one row per distinct rowKey, filled from
// valueColumn.
builtin pivot : (<-tables: stream[A], rowKey: [string], columnKey: [string], valueColumn: string) => stream[B]
    where
    A: Record,
    B: Record

// inf is the longest duration; window(every: inf) puts all rows in one window.
builtin inf : duration

// _window is window with every parameter given.
builtin _window : (
        <-tables: stream[A],
        every: duration,
        period: duration,
        offset: duration,
        timeColumn: string,
        startColumn: string,
        stopColumn: string,
        createEmpty: bool,
        location: {zone: string, offset: duration},
    ) => stream[B]
    where
    A: Record,
    B: Record

// _fillEmptyTables gives each empty table one row holding its key values and nulls.
builtin _fillEmptyTables : (<-tables: stream[A]) => stream[A] where A: Record

// difference gives the difference between each value of columns and the previous non-null one.
// movingAverage gives, from the n-th row of each table on, the mean of the non-null _value of that row and the
// n - 1 before it (a float; null when all are null); a table of fewer than n rows gives one row, its last, with
// the mean of all its values.
builtin movingAverage : (<-tables: stream[A], n: int) => stream[B] where A: Record, B: Record

// histogramQuantile gives the quantile of each table of cumulative histogram buckets (a float upper bound in
// upperBoundColumn, a float count in countColumn), interpolated linearly within its bucket (from minValue below
// the lowest one): one row of the key columns and valueColumn.
builtin histogramQuantile : (
        <-tables: stream[A],
        quantile: float,
        ?countColumn: string,
        ?upperBoundColumn: string,
        ?valueColumn: string,
        ?minValue: float,
        ?onNonmonotonic: string,
    ) => stream[B]
    where
    A: Record,
    B: Record

// findRecord gives row idx of the first table whose group key fn accepts, as a record ({} when no table does).
builtin findRecord : (<-tables: stream[A], fn: (key: B) => bool, idx: int) => A where A: Record, B: Record

// findColumn gives the values of column in the first table whose group key fn accepts ([] when no table does or
// it has no such column).
builtin findColumn : (<-tables: stream[A], fn: (key: B) => bool, column: string) => [C] where A: Record, B: Record

// stateTracking adds to each row, in countColumn, how many rows in a row fn has held for (-1 where it does not)
// and, in durationColumn, for how long in durationUnit since the first of them (-1 where it does not).
builtin stateTracking : (
        <-tables: stream[A],
        fn: (r: A) => bool,
        ?countColumn: string,
        ?durationColumn: string,
        ?durationUnit: duration,
        ?timeColumn: string,
    ) => stream[B]
    where
    A: Record,
    B: Record

builtin difference : (
        <-tables: stream[T],
        ?nonNegative: bool,
        ?columns: [string],
        ?keepFirst: bool,
        ?initialZero: bool,
    ) => stream[R]
    where
    T: Record,
    R: Record

// derivative gives the rate of change per unit between subsequent non-null values.
builtin derivative : (
        <-tables: stream[A],
        ?unit: duration,
        ?nonNegative: bool,
        ?columns: [string],
        ?timeColumn: string,
        ?initialZero: bool,
    ) => stream[B]
    where
    A: Record,
    B: Record

// cumulativeSum gives the running sum of the non-null values of columns.
builtin cumulativeSum : (<-tables: stream[A], ?columns: [string]) => stream[B] where A: Record, B: Record

// elapsed adds columnName: the time since the previous row in units; the first row is dropped.
builtin elapsed : (<-tables: stream[A], ?unit: duration, ?timeColumn: string, ?columnName: string) => stream[B]
    where
    A: Record,
    B: Record

// ---- Testing helpers in the universe, if any (Java: none)
