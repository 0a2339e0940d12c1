package io.jflux.bench;

import io.jflux.io.ExpositionParser;
import io.jflux.table.FluxTable;
import io.jflux.table.TableBatcher;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Compares the exposition parser of two builds in one JVM: each build's classes in a class loader of its own, the
 * two parsing the same generated exposition (1M samples, {@link ExpositionGenerator}) in turn, in alternating
 * order, timed by the parsing thread's CPU time (which waiting for a core does not inflate). On a machine whose
 * speed drifts over minutes, run against run is the fair comparison; the first third of the rounds is warm-up.
 *
 * <pre>
 * java --add-opens=java.base/java.nio=ALL-UNNAMED -XX:+UseSerialGC -XX:+UseTransparentHugePages \
 *     -Darrow.enable_unsafe_memory_access=true -cp target/jflux-bench.jar io.jflux.bench.AlternateParse \
 *     15 /tmp/base/jflux-bench.jar target/jflux-bench.jar
 * </pre>
 *
 * Each argument after the rounds is a class path (jars or class folders, separated by ':') holding jflux and its
 * dependencies. {@code -XX:+UseTransparentHugePages} keeps the figures steady here: without it both builds slow
 * down together by about half for minutes at a time.
 */
public final class AlternateParse {

    private AlternateParse() {}

    /** Parses the exposition once into one-row tables, polled and closed; loaded anew in each build's loader. */
    public static final class Run implements LongSupplier {
        private final byte[] data;
        private final BufferAllocator allocator = new RootAllocator();

        public Run(byte[] data) {
            this.data = data;
        }

        @Override
        public long getAsLong() {
            long rows = 0;
            try (TableBatcher batcher = new TableBatcher(allocator, TableBatcher.DEFAULT_MAX_ROWS,
                    TableBatcher.DEFAULT_MAX_BYTES, ExpositionParser.OPEN_BATCHES)) {
                ExpositionParser p = new ExpositionParser(data, data.length, "http://bench:9100/metrics",
                        1_700_000_000_000_000_000L, batcher, false, false);
                boolean more = true;
                while (more) {
                    more = p.step();
                    FluxTable t;
                    while ((t = batcher.poll()) != null) {
                        rows += t.rowCount();
                        t.close();
                    }
                }
            }
            return rows;
        }
    }

    /** Loads {@link Run} from this jar's bytes, everything else from the build's class path. */
    private static final class BuildLoader extends URLClassLoader {
        BuildLoader(URL[] path) {
            super(path, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.equals(Run.class.getName())) {
                synchronized (getClassLoadingLock(name)) {
                    Class<?> c = findLoadedClass(name);
                    if (c == null) {
                        String resource = name.replace('.', '/') + ".class";
                        try (InputStream in = AlternateParse.class.getClassLoader().getResourceAsStream(resource)) {
                            byte[] b = in.readAllBytes();
                            c = defineClass(name, b, 0, b.length);
                        } catch (IOException e) {
                            throw new ClassNotFoundException(name, e);
                        }
                    }
                    return c;
                }
            }
            return super.loadClass(name, resolve);
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        byte[] data = ExpositionGenerator.generate(1_000_000, 42);
        int builds = args.length - 1;
        LongSupplier[] runs = new LongSupplier[builds];
        for (int k = 0; k < builds; k++) {
            List<URL> urls = new ArrayList<>();
            for (String p : args[1 + k].split(":")) {
                urls.add(Path.of(p).toUri().toURL());
            }
            ClassLoader loader = new BuildLoader(urls.toArray(new URL[0]));
            runs[k] = (LongSupplier) loader.loadClass(Run.class.getName()).getConstructor(byte[].class)
                    .newInstance((Object) data);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[][] ms = new long[builds][rounds];
        for (int i = 0; i < rounds; i++) {
            for (int j = 0; j < builds; j++) {
                int k = i % 2 == 0 ? j : builds - 1 - j;
                long start = mx.getCurrentThreadCpuTime();
                runs[k].getAsLong();
                ms[k][i] = (mx.getCurrentThreadCpuTime() - start) / 1_000_000;
            }
        }
        for (int k = 0; k < builds; k++) {
            long[] kept = Arrays.copyOfRange(ms[k], rounds / 3, rounds);
            Arrays.sort(kept);
            System.out.printf("%s: median %d ms, min %d ms of thread CPU per 1M samples (rounds %s)%n", args[1 + k],
                    kept[kept.length / 2], kept[0], Arrays.toString(ms[k]));
        }
    }
}
