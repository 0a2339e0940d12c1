package io.jflux.bench;

import io.jflux.syntax.Parser;
import io.jflux.syntax.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing speed: source text to syntax tree over a large generated script of realistic Flux (imports, options,
 * pipelines, functions, records, strings with interpolation, regexes, durations, comments). Divide the source
 * size ({@link #sourceBytes}, printed at setup) by the time per operation for bytes per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xss16m"})
public class ParseBenchmark {

    @Param({"100", "4000"})
    public int blocks;

    String source;
    public long sourceBytes;

    @Setup(Level.Trial)
    public void setup() {
        source = FluxSourceGenerator.generate(blocks);
        sourceBytes = source.getBytes(StandardCharsets.UTF_8).length;
        System.out.println("\nsource bytes: " + sourceBytes);
    }

    @Benchmark
    public SourceFile parse() {
        return Parser.parse("bench.flux", source);
    }
}
