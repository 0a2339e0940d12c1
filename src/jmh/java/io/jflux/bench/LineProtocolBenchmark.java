package io.jflux.bench;

import io.jflux.io.FastDeflate;
import io.jflux.io.LineProtocolEncoder;
import io.jflux.table.FluxTable;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
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
 * line protocol into a sink that drops them, and encoded then compressed in 5,000-line batches as {@code to()}
 * sends them, by {@link FastDeflate} (what {@code to()} uses) or by zlib at level 1 ({@link Deflater#BEST_SPEED}).
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

    @Param({"fast", "zlib1"})
    public String compressor;

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

    /** Compressed bytes of the 5,000-line batches. */
    @Benchmark
    public long encodeAndCompress() {
        ByteArrayOutputStream text = new ByteArrayOutputStream(1 << 19);
        LineProtocolEncoder enc = new LineProtocolEncoder(text, LineProtocolEncoder.Options.defaults());
        FastDeflate fast = new FastDeflate();
        Deflater zlib = new Deflater(Deflater.BEST_SPEED, true);
        byte[] out = new byte[1 << 18];
        long total = 0;
        for (FluxTable t : input) {
            for (int from = 0; from < t.rowCount(); from += WriteBenchmark.BATCH) {
                text.reset();
                enc.write(t, from, Math.min(t.rowCount(), from + WriteBenchmark.BATCH));
                byte[] lp = text.toByteArray();
                if (compressor.equals("fast")) {
                    out = fast.compress(lp, lp.length, out, 0);
                    total += fast.length();
                } else {
                    zlib.reset();
                    zlib.setInput(lp);
                    zlib.finish();
                    while (!zlib.finished()) {
                        total += zlib.deflate(out);
                    }
                }
            }
        }
        zlib.end();
        return total;
    }
}
