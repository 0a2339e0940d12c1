package io.jflux.stdlib.system;

import io.jflux.eval.TimeValue;
import io.jflux.stdlib.Definitions;
import io.jflux.stdlib.JavaPackage;

/** {@code import "system"}. */
public final class SystemPackage implements JavaPackage {
    @Override
    public void define(Definitions defs) {
        defs.function("time", (args, in) -> new TimeValue(in.context().wallClock()));
    }
}
