package io.jflux.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jflux.syntax.Expression.*;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreesTest {

    private static final Span A = new Span(1, 1, 1, 2);
    private static final Span B = new Span(7, 3, 9, 4);

    @Test
    void ignoresSpans() {
        SourceFile one = Parser.parse("a", "x = 1 + f(a: [1.5, \"s\"])");
        SourceFile two = Parser.parse("a", "\n\n   x   =   1+f(\n a : [ 1.5 , \"s\" ] )");
        assertTrue(Trees.sameShape(one, two));
        assertTrue(Trees.sameShape(new Identifier(A, "x"), new Identifier(B, "x")));
    }

    @Test
    void seesDifferences() {
        assertFalse(Trees.sameShape(Parser.parse("a", "x = 1 + 2"), Parser.parse("a", "x = 1 - 2")));
        assertFalse(Trees.sameShape(Parser.parse("a", "x = 1 + 2"), Parser.parse("a", "x = (1 + 2)")));
        assertFalse(Trees.sameShape(Parser.parse("a", "x = [1, 2]"), Parser.parse("a", "x = [1, 2, 3]")));
        assertFalse(Trees.sameShape(Parser.parse("a", "// c\nx = 1"), Parser.parse("a", "x = 1")));
        assertFalse(Trees.sameShape(Parser.parse("a", "x = 1"), Parser.parse("b", "x = 1")), "the source name");
        assertFalse(Trees.sameShape(new Identifier(A, "x"), new StringLiteral(A, "x")));
        assertFalse(Trees.sameShape(new Identifier(A, "x"), null));
        assertTrue(Trees.sameShape(null, null));
    }

    @Test
    void comparesDoublesExactly() {
        assertTrue(Trees.sameShape(new FloatLiteral(A, Double.NaN), new FloatLiteral(B, Double.NaN)));
        assertFalse(Trees.sameShape(new FloatLiteral(A, 0.0), new FloatLiteral(B, -0.0)));
        assertFalse(Trees.sameShape(new FloatLiteral(A, 0.1), new FloatLiteral(B, Math.nextUp(0.1))));
    }

    @Test
    void describesWithoutSpans() {
        Expression e = new BinaryExpression(A, Operator.ADD, new Identifier(B, "a"),
                new CallExpression(A, new Identifier(A, "f"), List.of()));
        assertEquals("(BinaryExpression operator=ADD left=(Identifier name=\"a\") "
                + "right=(CallExpression callee=(Identifier name=\"f\") arguments=[]))", Trees.describe(e));
        assertEquals("null", Trees.describe(null));
        assertEquals("(StringLiteral value=\"q\\\"\\n\")", Trees.describe(new StringLiteral(A, "q\"\n")));
    }
}
