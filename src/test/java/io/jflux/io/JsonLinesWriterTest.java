package io.jflux.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jflux.io.AnnotatedCsvReader.Mode;
import io.jflux.table.TableContext;
import java.io.StringWriter;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** One JSON object per row, with correct escaping and JSON's own number and null forms. */
class JsonLinesWriterTest {

    static String json(String csv) {
        StringWriter out = new StringWriter();
        try (RootAllocator allocator = new RootAllocator();
             AnnotatedCsvReader r = new AnnotatedCsvReader(csv, new TableContext(null, allocator), Mode.ANNOTATIONS)) {
            JsonLinesWriter w = new JsonLinesWriter(out);
            String name;
            while ((name = r.nextResult()) != null) {
                w.writeResult(name, r.tables());
            }
        }
        return out.toString();
    }

    @Test
    void everyTypeAndNull() {
        assertEquals("{\"result\":\"r\",\"table\":0,\"s\":\"x\",\"i\":-1,\"u\":18446744073709551615,\"f\":0.5,"
                        + "\"b\":true,\"t\":\"2021-01-01T00:00:00.1Z\",\"d\":\"1m\"}\n"
                        + "{\"result\":\"r\",\"table\":0,\"s\":null,\"i\":null,\"u\":null,\"f\":\"NaN\",\"b\":null,"
                        + "\"t\":null,\"d\":null}\n"
                        + "{\"result\":\"r\",\"table\":1,\"s\":\"y\",\"i\":2,\"u\":0,\"f\":\"-Inf\",\"b\":false,"
                        + "\"t\":\"1969-12-31T23:59:59Z\",\"d\":\"-1ns\"}\n",
                json("#datatype,string,long,string,long,unsignedLong,double,boolean,dateTime:RFC3339,duration\n"
                        + "#group,false,false,false,false,false,false,false,false,false\n"
                        + "#default,r,,,,,,,,\n"
                        + ",result,table,s,i,u,f,b,t,d\n"
                        + ",,0,x,-1,18446744073709551615,0.5,true,2021-01-01T00:00:00.100Z,1m\n"
                        + ",,0,,,,NaN,,,\n"
                        + ",,1,y,2,0,-Inf,false,1969-12-31T23:59:59Z,-1\n"));
    }

    @Test
    void stringsAndLabelsAreEscaped() {
        StringBuilder sb = new StringBuilder();
        JsonLinesWriter.string(sb, "q\" b\\ n\n r\r t\t \b \f \u0001 \u001f \u2028 \u00e9\u65e5 \uD83D\uDE00 /");
        assertEquals("\"q\\\" b\\\\ n\\n r\\r t\\t \\b \\f \\u0001 \\u001f \\u2028 \u00e9\u65e5 \uD83D\uDE00 /\"",
                sb.toString());
        assertEquals("{\"result\":\"a\\\"b\",\"table\":0,\"x\\\\y\":\"1,\\n2\"}\n",
                json("#datatype,string,long,string\n#group,false,false,false\n#default,\"a\"\"b\",,\n"
                        + ",result,table,x\\y\n,,0,\"1,\n2\"\n"));
    }
}
