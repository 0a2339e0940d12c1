// The universe's functions written in Flux. They are read the first time a script names one of them, so
// scripts that use none never parse this file.
package universe

// median is quantile 0.5.
median = (method="estimate_tdigest", compression=0.0, column="_value", tables=<-) =>
    tables
        |> quantile(q: 0.5, method: method, compression: compression, column: column)

// window groups rows by time windows aligned to the Unix epoch: every (the distance between windows), period
// (their length, default every), offset. The window bounds go into startColumn and stopColumn, in the group key.
window = (
    tables=<-,
    every=0s,
    period=0s,
    offset=0s,
    timeColumn="_time",
    startColumn="_start",
    stopColumn="_stop",
    createEmpty=false,
    location=location,
) =>
    tables
        |> _window(
            every: every,
            period: period,
            offset: offset,
            timeColumn: timeColumn,
            startColumn: startColumn,
            stopColumn: stopColumn,
            createEmpty: createEmpty,
            location: location,
        )

// _fillEmpty fills empty tables when createEmpty is true.
_fillEmpty = (tables=<-, createEmpty) => if createEmpty then tables |> _fillEmptyTables() else tables

// aggregateWindow applies fn to each window of every, then stamps each result with the window's timeSrc in
// timeDst and merges the windows back into one table per series.
aggregateWindow = (
    every,
    period=0s,
    fn,
    offset=0s,
    column="_value",
    timeSrc="_stop",
    timeDst="_time",
    createEmpty=true,
    location=location,
    tables=<-,
) =>
    tables
        |> window(every: every, period: period, offset: offset, createEmpty: createEmpty, location: location)
        |> fn(column: column)
        |> _fillEmpty(createEmpty: createEmpty)
        |> duplicate(column: timeSrc, as: timeDst)
        |> window(every: inf, timeColumn: timeDst)

// increase is the cumulative sum of the non-negative differences of a counter, reading a reset as a restart
// from zero.
increase = (tables=<-, columns=["_value"]) =>
    tables
        |> difference(nonNegative: true, columns: columns, keepFirst: true, initialZero: true)
        |> cumulativeSum(columns: columns)

// _sortLimit sorts each table and keeps its first n rows.
_sortLimit = (n, desc, columns=["_value"], tables=<-) =>
    tables
        |> sort(columns: columns, desc: desc)
        |> limit(n: n)

// top keeps the n rows of each table with the largest values of columns.
top = (n, columns=["_value"], tables=<-) => tables |> _sortLimit(n: n, columns: columns, desc: true)

// bottom keeps the n rows of each table with the smallest values of columns.
bottom = (n, columns=["_value"], tables=<-) => tables |> _sortLimit(n: n, columns: columns, desc: false)

// _highestOrLowest regroups by groupColumns, reduces each table, ungroups, and keeps n rows by column.
_highestOrLowest = (
    n,
    _sortLimit,
    reducer,
    column="_value",
    groupColumns=[],
    tables=<-,
) =>
    tables
        |> group(columns: groupColumns)
        |> reducer()
        |> group(columns: [])
        |> _sortLimit(n: n, columns: [column])

// highestMax, highestAverage, highestCurrent, lowestMin, lowestAverage and lowestCurrent select the n highest or
// lowest of each group's max, mean, last or min.
highestMax = (n, column="_value", groupColumns=[], tables=<-) =>
    tables
        |> _highestOrLowest(
            n: n,
            column: column,
            groupColumns: groupColumns,
            reducer: (tables=<-) => tables |> max(column: column),
            _sortLimit: top,
        )
highestAverage = (n, column="_value", groupColumns=[], tables=<-) =>
    tables
        |> _highestOrLowest(
            n: n,
            column: column,
            groupColumns: groupColumns,
            reducer: (tables=<-) => tables |> mean(column: column),
            _sortLimit: top,
        )
highestCurrent = (n, column="_value", groupColumns=[], tables=<-) =>
    tables
        |> _highestOrLowest(
            n: n,
            column: column,
            groupColumns: groupColumns,
            reducer: (tables=<-) => tables |> last(column: column),
            _sortLimit: top,
        )
lowestMin = (n, column="_value", groupColumns=[], tables=<-) =>
    tables
        |> _highestOrLowest(
            n: n,
            column: column,
            groupColumns: groupColumns,
            reducer: (tables=<-) => tables |> min(column: column),
            _sortLimit: bottom,
        )
lowestAverage = (n, column="_value", groupColumns=[], tables=<-) =>
    tables
        |> _highestOrLowest(
            n: n,
            column: column,
            groupColumns: groupColumns,
            reducer: (tables=<-) => tables |> mean(column: column),
            _sortLimit: bottom,
        )
lowestCurrent = (n, column="_value", groupColumns=[], tables=<-) =>
    tables
        |> _highestOrLowest(
            n: n,
            column: column,
            groupColumns: groupColumns,
            reducer: (tables=<-) => tables |> last(column: column),
            _sortLimit: bottom,
        )

// timedMovingAverage is the mean of each window of period, every every, stamped with the window's stop.
timedMovingAverage = (every, period, column="_value", tables=<-) =>
    tables
        |> window(every: every, period: period)
        |> mean(column: column)
        |> duplicate(column: "_stop", as: "_time")
        |> window(every: inf)

// toString, toInt, toUInt, toFloat, toBool and toTime convert each row's _value with the conversion function of
// the same type (a null stays null).
toString = (tables=<-) => tables |> map(fn: (r) => ({r with _value: string(v: r._value)}))
toInt = (tables=<-) => tables |> map(fn: (r) => ({r with _value: int(v: r._value)}))
toUInt = (tables=<-) => tables |> map(fn: (r) => ({r with _value: uint(v: r._value)}))
toFloat = (tables=<-) => tables |> map(fn: (r) => ({r with _value: float(v: r._value)}))
toBool = (tables=<-) => tables |> map(fn: (r) => ({r with _value: bool(v: r._value)}))
toTime = (tables=<-) => tables |> map(fn: (r) => ({r with _value: time(v: r._value)}))

// stateCount adds to each row, in column, how many rows in a row fn has held for (-1 where it does not).
stateCount = (fn, column="stateCount", tables=<-) => tables |> stateTracking(countColumn: column, fn: fn)

// stateDuration adds to each row, in column, how long (in unit) fn has held since the first row of the run it
// is in (-1 where it does not).
stateDuration = (fn, column="stateDuration", timeColumn="_time", unit=1s, tables=<-) =>
    tables |> stateTracking(durationColumn: column, timeColumn: timeColumn, fn: fn, durationUnit: unit)
