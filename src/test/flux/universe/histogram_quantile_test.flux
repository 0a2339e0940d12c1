package universe_test

import "array"
import "csv"
import "testing"

// Cumulative buckets: 10 at or below 0.1, 15 at or below 0.2, 25 at or below 0.5, 35 in all.
buckets =
    array.from(
        rows: [
            {_time: 2021-01-01T00:00:00Z, le: 0.1, _value: 10.0, t: "a"},
            {_time: 2021-01-01T00:00:00Z, le: 0.5, _value: 25.0, t: "a"},
            {_time: 2021-01-01T00:00:00Z, le: 0.2, _value: 15.0, t: "a"},
            {_time: 2021-01-01T00:00:00Z, le: float(v: "+Inf"), _value: 35.0, t: "a"},
        ],
    )
        |> group(columns: ["t"])

want = (v) =>
    csv.from(
        csv:
            "
#group,false,false,true,false
#datatype,string,long,string,double
#default,_result,,,
,result,table,t,_value
,,0,a,${v}
",
    )

testcase histogram_quantile_interpolates_within_the_bucket {
    testing.diff(got: buckets |> histogramQuantile(quantile: 0.5), want: want(v: "0.275"))
}

testcase histogram_quantile_in_the_inf_bucket_is_the_bound_below {
    testing.diff(got: buckets |> histogramQuantile(quantile: 0.9), want: want(v: "0.5"))
}

testcase histogram_quantile_below_the_lowest_bucket_starts_at_min_value {
    testing.diff(got: buckets |> histogramQuantile(quantile: 0.1, minValue: 0.05), want: want(v: "0.0675"))
}

testcase histogram_quantile_names_its_columns {
    got =
        buckets
            |> rename(columns: {le: "upper", _value: "n"})
            |> histogramQuantile(quantile: 0.5, upperBoundColumn: "upper", countColumn: "n", valueColumn: "q")
            |> rename(columns: {q: "_value"})

    testing.diff(got: got, want: want(v: "0.275"))
}
