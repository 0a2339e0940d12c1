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

// A series met again later in the exposition (here with its labels in another order) is one table.
testcase scrape_merges_a_series_met_again {
    url = "file:src/test/flux/prometheus/repeated.prom"
    got = prometheus.scrape(url: url)
    want =
        csv.from(
            csv:
                "
#group,false,false,false,true,true,false,false,true,true
#datatype,string,long,dateTime:RFC3339,string,string,double,string,string,string
#default,_result,,,,,,,,
,result,table,_time,_measurement,_field,_value,url,queue,state
,,0,2021-01-01T00:00:00Z,prometheus,jobs_total,3,file:src/test/flux/prometheus/repeated.prom,a,done
,,0,2021-01-01T00:01:00Z,prometheus,jobs_total,4,file:src/test/flux/prometheus/repeated.prom,a,done
,,1,2021-01-01T00:00:00Z,prometheus,jobs_total,5,file:src/test/flux/prometheus/repeated.prom,b,done

#group,false,false,false,true,true,false,false
#datatype,string,long,dateTime:RFC3339,string,string,double,string
#default,_result,,,,,,
,result,table,_time,_measurement,_field,_value,url
,,2,2021-01-01T00:00:00Z,prometheus,temp,21.5,file:src/test/flux/prometheus/repeated.prom
",
        )

    testing.diff(got: got, want: want)
}
