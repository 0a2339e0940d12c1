package io.jflux.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jflux.diag.FluxException;
import io.jflux.eval.BoolValue;
import io.jflux.eval.FloatValue;
import io.jflux.eval.IntValue;
import io.jflux.eval.NullValue;
import io.jflux.eval.RecordValue;
import io.jflux.eval.StringValue;
import io.jflux.eval.UIntValue;
import io.jflux.eval.Value;
import io.jflux.io.AnnotatedCsvReader.Mode;
import io.jflux.table.FluxTable;
import io.jflux.table.TableContext;
import io.jflux.table.TableStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/**
 * Exact line protocol bytes for every value type and the escaping rules of the InfluxDB line protocol reference
 * ("Special characters"), with Flux {@code to()}'s defaults for tags and fields and its skipped-row rules.
 */
class LineProtocolEncoderTest {

    /** 2021-01-01T00:00:00Z in nanoseconds. */
    static final String T0 = "1609459200000000000";

    record Encoded(String text, LineProtocolEncoder encoder) {}

    static Encoded encode(String csv, LineProtocolEncoder.Options options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LineProtocolEncoder lp = new LineProtocolEncoder(out, options);
        try (RootAllocator allocator = new RootAllocator();
             AnnotatedCsvReader r = new AnnotatedCsvReader(csv, new TableContext(null, allocator), Mode.ANNOTATIONS)) {
            while (r.nextResult() != null) {
                try (TableStream tables = r.tables()) {
                    FluxTable t;
                    while ((t = tables.next()) != null) {
                        try (FluxTable table = t) {
                            lp.write(table);
                        }
                    }
                }
            }
        }
        return new Encoded(out.toString(StandardCharsets.UTF_8), lp);
    }

    static String lp(String csv) {
        return encode(csv, LineProtocolEncoder.Options.defaults()).text();
    }

    /** One table with {@code _measurement=m}, {@code _field=f} and a {@code _value} of {@code type}. */
    static String valueTable(String type, String... values) {
        StringBuilder sb = new StringBuilder("#datatype,string,long,string,string,dateTime:RFC3339," + type + "\n"
                + "#group,false,false,true,true,false,false\n#default,_result,,,,,\n"
                + ",result,table,_measurement,_field,_time,_value\n");
        for (String v : values) {
            sb.append(",,0,m,f,2021-01-01T00:00:00Z,").append(v).append('\n');
        }
        return sb.toString();
    }

    static String lines(String field, String... values) {
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            sb.append("m ").append(field).append('=').append(v).append(' ').append(T0).append('\n');
        }
        return sb.toString();
    }

    @Test
    void floatsInShortestRoundTripForm() {
        assertEquals(lines("f", "1.5", "1", "0", "-0", "0.1", "-2.5", "1000000000000000000000", "0.000001",
                        "123456789.123", "9007199254740992"),
                lp(valueTable("double", "1.5", "1", "0", "-0", "0.1", "-2.5", "1e21", "1e-6", "123456789.123",
                        "9007199254740993")));
    }

    @Test
    void intsUintsAndBools() {
        assertEquals(lines("f", "0i", "-1i", "9223372036854775807i", "-9223372036854775808i"),
                lp(valueTable("long", "0", "-1", "9223372036854775807", "-9223372036854775808")));
        assertEquals(lines("f", "0u", "42u", "18446744073709551615u"),
                lp(valueTable("unsignedLong", "0", "42", "18446744073709551615")));
        assertEquals(lines("f", "true", "false"), lp(valueTable("boolean", "true", "false")));
    }

    @Test
    void stringFieldsAreQuotedWithQuotesAndBackslashesEscaped() {
        assertEquals("m f=\"say \\\"hi\\\" C:\\\\dir\\\\ a,b=c d\nnext line \u00e9\u6771\u4eac\uD83D\uDE00\" " + T0 + "\n",
                lp(valueTable("string", "\"say \"\"hi\"\" C:\\dir\\ a,b=c d\nnext line \u00e9\u6771\u4eac\uD83D\uDE00\"",
                        "\"\"")));
    }

    @Test
    void measurementsTagsAndFieldKeysAreEscaped() {
        String csv = "#datatype,string,long,string,string,string,string,dateTime:RFC3339,long\n"
                + "#group,false,false,true,false,false,false,false,false\n#default,_result,,,,,,,\n"
                + ",result,table,_measurement,tag key,t\u00e9,_field,_time,_value\n"
                + ",,0,\"my meas,ure=ment\",\"a=b,c d\",\u6771\u4eac,\"field key,x=y\",2021-01-01T00:00:00Z,1\n"
                + ",,0,\"my meas,ure=ment\",back\\slash,\"\"\"q\"\"\",f,2021-01-01T00:00:00Z,2\n";
        assertEquals("my\\ meas\\,ure=ment,tag\\ key=a\\=b\\,c\\ d,t\u00e9=\u6771\u4eac field\\ key\\,x\\=y=1i " + T0 + "\n"
                        + "my\\ meas\\,ure=ment,tag\\ key=back\\slash,t\u00e9=\"q\" f=2i " + T0 + "\n",
                lp(csv));
    }

    @Test
    void everyOtherStringColumnIsATagSortedByKeyAndEmptyTagsAreOmitted() {
        String csv = "#datatype,string,long,string,string,string,string,string,dateTime:RFC3339,double,long\n"
                + "#group,false,false,true,true,false,true,false,false,false,false\n#default,_result,,,,,,,,,\n"
                + ",result,table,_measurement,url,job,instance,_field,_time,_value,n\n"
                + ",,0,up,http://h:9100/metrics,node,,up,2021-01-01T00:00:00Z,1,7\n"
                + ",,0,up,http://h:9100/metrics,,,up,2021-01-01T00:00:01Z,0,7\n";
        // instance is empty in the group key and job is empty on the second row: both are left out; n (an int)
        // is not a tag.
        assertEquals("up,job=node,url=http://h:9100/metrics up=1 " + T0 + "\n"
                        + "up,url=http://h:9100/metrics up=0 1609459201000000000\n",
                lp(csv));
        // Explicit tag columns replace the default.
        assertEquals("up,job=node up=1 " + T0 + "\nup up=0 1609459201000000000\n",
                encode(csv, LineProtocolEncoder.Options.defaults().withTagColumns(List.of("job"))).text());
    }

    @Test
    void nullNanAndInfinityFieldsAreOmittedAndRowsWithoutTimeOrFieldsAreCounted() {
        String csv = "#datatype,string,long,string,string,dateTime:RFC3339,double\n"
                + "#group,false,false,true,false,false,false\n#default,_result,,,,,\n"
                + ",result,table,_measurement,_field,_time,_value\n"
                + ",,0,m,f,2021-01-01T00:00:00Z,1\n"
                + ",,0,m,f,,2\n"
                + ",,0,m,f,2021-01-01T00:00:00Z,\n"
                + ",,0,m,f,2021-01-01T00:00:00Z,NaN\n"
                + ",,0,m,f,2021-01-01T00:00:00Z,+Inf\n"
                + ",,0,m,f,2021-01-01T00:00:00Z,-Inf\n"
                + ",,0,m,,2021-01-01T00:00:00Z,3\n"
                + ",,1,,f,2021-01-01T00:00:00Z,4\n";
        Encoded e = encode(csv, LineProtocolEncoder.Options.defaults());
        assertEquals("m f=1 " + T0 + "\n", e.text());
        assertEquals(1, e.encoder().linesWritten());
        assertEquals(1, e.encoder().skippedNullTime());
        assertEquals(5, e.encoder().skippedNoFields());
        assertEquals(1, e.encoder().skippedNoMeasurement());
        assertEquals("7 rows not written: 1 with a null _time, 1 with a null or empty _measurement, 5 with no fields",
                e.encoder().skippedSummary());
    }

    @Test
    void customFieldFnWritesItsRecordSortedAndItsColumnsAreNotTags() {
        String csv = "#datatype,string,long,string,string,string,dateTime:RFC3339,long\n"
                + "#group,false,false,true,false,false,false,false\n#default,_result,,,,,,\n"
                + ",result,table,_measurement,host,note,_time,n\n"
                + ",,0,m,a,hello,2021-01-01T00:00:00Z,5\n"
                + ",,0,m,b,,2021-01-01T00:00:00Z,\n";
        LineProtocolEncoder.FieldFn fn = row -> {
            Map<String, Value> f = new LinkedHashMap<>();
            Value n = row.get("n");
            f.put("z", n);
            f.put("a b", n instanceof IntValue i ? new UIntValue(i.value()) : NullValue.NULL);
            f.put("nan", new FloatValue(Double.NaN));
            f.put("ok", n instanceof IntValue ? BoolValue.TRUE : NullValue.NULL);
            f.put("note", row.get("note") instanceof StringValue s && !s.value().isEmpty() ? s : NullValue.NULL);
            return new RecordValue(f);
        };
        Encoded e = encode(csv, LineProtocolEncoder.Options.defaults().withFieldFn(fn, Set.of("note", "n")));
        assertEquals("m,host=a a\\ b=5u,note=\"hello\",ok=true,z=5i " + T0 + "\n", e.text());
        assertEquals(1, e.encoder().skippedNoFields());
    }

    @Test
    void missingOrMistypedColumnsAreFluxErrors() {
        String noMeasurement = "#datatype,string,long,string,dateTime:RFC3339,double\n"
                + "#group,false,false,false,false,false\n#default,_result,,,,\n"
                + ",result,table,_field,_time,_value\n,,0,f,2021-01-01T00:00:00Z,1\n";
        assertEquals("error: to: no column with label _measurement exists",
                assertThrows(FluxException.class, () -> lp(noMeasurement)).headline());
        assertEquals("error: to: tag column _value must be of type string, not float",
                assertThrows(FluxException.class, () -> encode(valueTable("double", "1"),
                        LineProtocolEncoder.Options.defaults().withTagColumns(List.of("_value")))).headline());
        assertEquals("error: to: cannot write a field of type duration (column _value); line protocol fields are float,"
                        + " int, uint, string or bool",
                assertThrows(FluxException.class, () -> lp(valueTable("duration", "1s"))).headline());
    }

    @Test
    void manyRowsPassTheFlushThreshold() {
        StringBuilder csv = new StringBuilder("#datatype,string,long,string,string,dateTime:RFC3339,long\n"
                + "#group,false,false,true,true,false,false\n#default,_result,,,,,\n"
                + ",result,table,_measurement,_field,_time,_value\n");
        StringBuilder want = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            csv.append(",,0,measurement,field,2021-01-01T00:00:00Z,").append(i).append('\n');
            want.append("measurement field=").append(i).append("i ").append(T0).append('\n');
        }
        assertEquals(want.toString(), lp(csv.toString()));
    }
}
