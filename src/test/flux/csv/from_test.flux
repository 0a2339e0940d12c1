package csv_test

import "array"
import "csv"
import "testing"

testcase from_reads_every_datatype {
    got =
        csv.from(
            csv:
                "
#group,false,false,false,false,false,false,false,false,false
#datatype,string,long,string,long,unsignedLong,double,boolean,dateTime:RFC3339,duration
#default,_result,,,,,,,,
,result,table,s,i,u,f,b,t,d
,,0,x,-1,7,1.5,true,2021-01-01T00:00:00Z,1h
,,0,\"a,\"\"b\"\"\",2,8,-0.25,false,2021-01-01T00:00:00.5+01:00,-5m
",
        )
    want =
        array.from(
            rows: [
                {s: "x", i: -1, u: uint(v: 7), f: 1.5, b: true, t: 2021-01-01T00:00:00Z, d: 1h},
                {
                    s: "a,\"b\"",
                    i: 2,
                    u: uint(v: 8),
                    f: -0.25,
                    b: false,
                    t: 2020-12-31T23:00:00.5Z,
                    d: -5m,
                },
            ],
        )

    testing.diff(got: got, want: want)
}

testcase from_fills_empty_cells_with_defaults_or_nulls {
    got =
        csv.from(
            csv:
                "
#group,false,false,false,false
#datatype,string,long,long,string
#default,_result,,10,
,result,table,n,s
,,0,,a
,,0,3,
",
        )
    want = array.from(rows: [{n: 10, s: "a"}, {n: 3}])

    testing.diff(got: got, want: want)
}

testcase from_reads_raw_csv_as_strings {
    got = csv.from(mode: "raw", csv: "a,b\n1,x\n2,\n")
    want = array.from(rows: [{a: "1", b: "x"}, {a: "2"}])

    testing.diff(got: got, want: want)
}

testcase from_names_the_line_of_malformed_csv {
    testing.shouldError(
        fn: () =>
            csv.from(
                csv:
                    "#datatype,string,long,long
#group,false,false,false
#default,_result,,
,result,table,n
,,0,1
,,0,2,3
",
            ),
        want: /csv.from: csv line 6: expected 4 cells, found 5/,
    )
}

testcase from_reads_one_result {
    testing.shouldError(
        fn: () =>
            csv.from(
                csv:
                    "#datatype,string,long,long
#group,false,false,false
#default,a,,
,result,table,n
,,0,1

#datatype,string,long,long
#group,false,false,false
#default,b,,
,result,table,n
,,0,2
",
            ),
        want: /a second result \("b"\) starts here; csv.from reads one result/,
    )
}

testcase from_needs_csv_or_file {
    testing.shouldError(fn: () => csv.from(), want: /must provide csv raw text or filename/)
}
