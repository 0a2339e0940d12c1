// Package influxdb writes data to InfluxDB.
package influxdb

// to writes its input as line protocol to the InfluxDB at host (POST /api/v2/write, precision ns, gzip, in
// batches of 5,000 lines, retrying 429/503 and connection failures) and passes the tables on unchanged.
// bucket/bucketID and org/orgID are mutually exclusive; token is sent as "Authorization: Token ..." (an empty
// token sends none). Tags are tagColumns, or every string column but _measurement, _field, _value and the columns
// fieldFn reads; fields are fieldFn's record (default _field/_value). Rows with a null time or no fields are not
// written and counted in a note on the execution's output.
builtin to : (<-tables: stream[A], ?bucket: string, ?bucketID: string, ?org: string, ?orgID: string, ?host: string, ?token: string, ?timeColumn: string, ?measurementColumn: string, ?tagColumns: [string], ?fieldFn: (r: A) => B) => stream[A]
    where
    A: Record,
    B: Record
