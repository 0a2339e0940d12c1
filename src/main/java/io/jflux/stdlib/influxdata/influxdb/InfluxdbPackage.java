package io.jflux.stdlib.influxdata.influxdb;

import io.jflux.stdlib.Definitions;
import io.jflux.stdlib.JavaPackage;

/** {@code import "influxdata/influxdb"}: {@code to} (also in the universe, as in Flux's prelude). */
public final class InfluxdbPackage implements JavaPackage {

    @Override
    public void define(Definitions defs) {
        defs.function("to", To::to);
    }
}
