package io.jflux.stdlib;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.BuiltinFunction;
import io.jflux.eval.PackageLoader;
import io.jflux.eval.Value;
import io.jflux.syntax.Span;
import io.jflux.syntax.TypeExpression;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The standard library: every package path, the Flux source of each (under {@code stdlib/}, packaged as
 * resources) and the Java builtins each declares. Packages are loaded only when imported. Embedders add their
 * own packages with {@link #withPackage}.
 */
public final class Registry implements PackageLoader {

    /** Every package of the standard library and the Java side of it (null for packages written only in Flux). */
    private static final Map<String, Supplier<JavaPackage>> STANDARD = new TreeMap<>();

    static {
        STANDARD.put("universe", io.jflux.stdlib.universe.UniversePackage::new);
        STANDARD.put("array", io.jflux.stdlib.array.ArrayPackage::new);
        STANDARD.put("csv", io.jflux.stdlib.csv.CsvPackage::new);
        STANDARD.put("system", io.jflux.stdlib.system.SystemPackage::new);
        STANDARD.put("strings", io.jflux.stdlib.strings.StringsPackage::new);
        STANDARD.put("regexp", io.jflux.stdlib.regexp.RegexpPackage::new);
        STANDARD.put("math", io.jflux.stdlib.math.MathPackage::new);
        STANDARD.put("timezone", null);
        STANDARD.put("testing", io.jflux.stdlib.testing.TestingPackage::new);
        STANDARD.put("influxdata/influxdb", io.jflux.stdlib.influxdata.influxdb.InfluxdbPackage::new);
        STANDARD.put("experimental/prometheus", io.jflux.stdlib.experimental.prometheus.PrometheusPackage::new);
    }

    private static final String RESOURCE_ROOT = "/io/jflux/stdlib/flux/";

    private final Map<String, Supplier<JavaPackage>> packages;
    private final Map<String, String> extraSources;
    private final Map<String, Definitions> defined = new ConcurrentHashMap<>();

    private Registry(Map<String, Supplier<JavaPackage>> packages, Map<String, String> extraSources) {
        this.packages = packages;
        this.extraSources = extraSources;
    }

    /** The standard library alone. */
    public static Registry standard() {
        return new Registry(STANDARD, Map.of());
    }

    /** This registry plus a package defined by its Flux source and (optionally) Java builtins. */
    public Registry withPackage(String path, String fluxSource, JavaPackage java) {
        Map<String, Supplier<JavaPackage>> p = new TreeMap<>(packages);
        p.put(path, java == null ? null : () -> java);
        Map<String, String> s = new TreeMap<>(extraSources);
        s.put(path, fluxSource);
        return new Registry(p, s);
    }

    @Override
    public boolean exists(String path) {
        return packages.containsKey(path);
    }

    @Override
    public List<String> available() {
        List<String> all = new ArrayList<>();
        for (String p : packages.keySet()) {
            if (!p.equals("universe")) {
                all.add(p);
            }
        }
        Collections.sort(all);
        return all;
    }

    @Override
    public String fluxSource(String path) {
        String extra = extraSources.get(path);
        if (extra != null) {
            return extra;
        }
        return RESOURCE_SOURCES.computeIfAbsent(path, Registry::readResource).orElse(null);
    }

    /** Standard package sources read from the classpath, read once. */
    private static final Map<String, java.util.Optional<String>> RESOURCE_SOURCES = new ConcurrentHashMap<>();

    private static java.util.Optional<String> readResource(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        try (InputStream in = Registry.class.getResourceAsStream(RESOURCE_ROOT + path + "/" + last + ".flux")) {
            return java.util.Optional.ofNullable(in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The universe's functions written in Flux ({@code stdlib/universe/functions.flux}), read on first use. */
    @Override
    public String deferredSource(String path) {
        if (!path.equals("universe")) {
            return null;
        }
        try (InputStream in = Registry.class.getResourceAsStream(RESOURCE_ROOT + "universe/functions.flux")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Java definitions of a package (empty for a Flux-only package). */
    public Definitions definitions(String path) {
        return defined.computeIfAbsent(path, p -> {
            Definitions d = new Definitions();
            Supplier<JavaPackage> s = packages.get(p);
            if (s != null) {
                s.get().define(d);
            }
            return d;
        });
    }

    @Override
    public Value builtin(String path, String name, TypeExpression type, Span span) {
        if (!exists(path)) {
            throw new FluxException(ErrorCode.INVALID, "builtin " + name + " has no implementation: builtin"
                    + " declarations belong to packages whose Java side provides them, not to a script", span);
        }
        Object o = definitions(path).get(name);
        if (o == null) {
            throw new FluxException(ErrorCode.INTERNAL, "builtin " + name + " of package " + path
                    + " has no implementation", span);
        }
        if (o instanceof Value v) {
            return v;
        }
        if (!(type.type() instanceof TypeExpression.FunctionType ft)) {
            throw new FluxException(ErrorCode.INTERNAL, "builtin " + path + "." + name
                    + " is a function in Java but not in its declaration", span);
        }
        return new BuiltinFunction(name, ft, (BuiltinFunction.Impl) o);
    }
}
