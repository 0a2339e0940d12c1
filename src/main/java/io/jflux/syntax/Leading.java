package io.jflux.syntax;

import java.util.List;

/**
 * What stands before a statement, import or package clause in the source: its comments (each without the
 * leading {@code //}), its attributes, and whether a blank line separated it from the previous item of its list
 * (the previous import, or the previous statement of its file or block; never true for the first item).
 */
public record Leading(List<String> comments, List<Attribute> attributes, boolean blankLineBefore) {

    public static final Leading NONE = new Leading(List.of(), List.of(), false);

    public Leading {
        comments = List.copyOf(comments);
        attributes = List.copyOf(attributes);
    }

    public boolean isEmpty() {
        return comments.isEmpty() && attributes.isEmpty();
    }
}
