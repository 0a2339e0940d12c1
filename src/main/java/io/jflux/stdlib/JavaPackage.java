package io.jflux.stdlib;

/** The Java side of one Flux package: it defines the values its {@code builtin} declarations name. */
public interface JavaPackage {

    /** Defines every builtin of the package. */
    void define(Definitions defs);
}
