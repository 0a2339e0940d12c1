package io.jflux.eval;

/**
 * An imported package: its path, its name, and the scope its file was evaluated in. Members are the names bound
 * in that scope; options among them may be set with {@code option pkg.name = ...}.
 */
public record PackageValue(String path, String name, Scope scope) implements Value {

    @Override
    public Kind kind() {
        return Kind.PACKAGE;
    }

    /** A member, or Java null. Names starting with {@code _} are private to the package. */
    public Value member(String member) {
        if (member.startsWith("_")) {
            return null;
        }
        return scope.locals().get(member);
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "package " + path;
    }
}
