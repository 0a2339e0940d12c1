package io.jflux.bench;

import io.jflux.eval.StringValue;
import io.jflux.io.LineProtocolEncoder;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import io.jflux.table.TableBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The client side of {@code to()} without a server: the 1,000,000 points of {@link WriteBenchmark} encoded as
 * line protocol into a sink that drops them, and encoded then deflated at a given level (the gzip body's cost).
 * Lines per second = 1,000,000 / time per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx2g",
        "-Darrow.enable_unsafe_memory_access=true"})
public class LineProtocolBenchmark {

    @Param({"1", "6"})
    public int level;

    private BufferAllocator allocator;
    private final List<FluxTable> input = new ArrayList<>();

    @Setup(Level.Trial)
    public void setup() {
        allocator = new RootAllocator();
        input.addAll(WriteBenchmark.points(allocator));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        for (FluxTable t : input) {
            t.close();
        }
        allocator.close();
    }

    /** Bytes encoded (they are dropped). */
    @Benchmark
    public long encode() {
        long[] n = new long[1];
        LineProtocolEncoder enc = new LineProtocolEncoder(new OutputStream() {
            @Override
            public void write(int b) {
                n[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                n[0] += len;
            }
        }, LineProtocolEncoder.Options.defaults());
        for (FluxTable t : input) {
            enc.write(t);
        }
        return n[0];
    }

    /** Compressed bytes, deflating at {@link #level} as the encoder hands its buffer on. */
    @Benchmark
    public long encodeAndDeflate() throws IOException {
        Deflater def = new Deflater(level, true);
        byte[] out = new byte[1 << 16];
        long[] n = new long[1];
        LineProtocolEncoder enc = new LineProtocolEncoder(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                def.setInput(b, off, len);
                while (!def.needsInput()) {
                    n[0] += def.deflate(out);
                }
            }
        }, LineProtocolEncoder.Options.defaults());
        for (FluxTable t : input) {
            enc.write(t);
        }
        def.finish();
        while (!def.finished()) {
            n[0] += def.deflate(out);
        }
        def.end();
        return n[0];
    }
}
