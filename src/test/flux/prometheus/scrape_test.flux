package prometheus_test

import "csv"
import "experimental/prometheus"
import "testing"

// The URL is relative to the working directory: the tests run in the repository folder.
testcase scrape_trims_histogram_buckets_and_drops_nan {
    url = "file:src/test/flux/prometheus/scrape.prom"
    got = prometheus.scrape(url: url)
    want =
        csv.from(
            csv:
                "
#group,false,false,false,true,true,false,false,true,true
#datatype,string,long,dateTime:RFC3339,string,string,double,string,string,string
#default,_result,,,,,,,,
,result,table,_time,_measurement,_field,_value,url,le,service
,,0,2021-01-01T00:00:00Z,prometheus,rpc_seconds,3,file:src/test/flux/prometheus/scrape.prom,0.5,\"a\"\"b\"
,,1,2021-01-01T00:00:00Z,prometheus,rpc_seconds,4,file:src/test/flux/prometheus/scrape.prom,+Inf,\"a\"\"b\"

#group,false,false,false,true,true,false,false,true
#datatype,string,long,dateTime:RFC3339,string,string,double,string,string
#default,_result,,,,,,,
,result,table,_time,_measurement,_field,_value,url,service
,,2,2021-01-01T00:00:00Z,prometheus,rpc_seconds_sum,1.5,file:src/test/flux/prometheus/scrape.prom,\"a\"\"b\"
,,3,2021-01-01T00:00:00Z,prometheus,rpc_seconds_count,4,file:src/test/flux/prometheus/scrape.prom,\"a\"\"b\"
",
        )

    testing.diff(got: got, want: want)
}
