package io.jflux.syntax;

/** A node of the Flux syntax tree. Every node is immutable and knows its span. */
public interface Node {
    Span span();
}
