package io.jflux.syntax;

/** Flux operators, with their source spelling and binding strength (higher binds tighter). */
public enum Operator {
    OR("or", 1), AND("and", 2),
    NOT("not", 3), EXISTS("exists", 3),
    EQ("==", 4), NEQ("!=", 4), LT("<", 4), LTE("<=", 4), GT(">", 4), GTE(">=", 4),
    REGEX_MATCH("=~", 4), REGEX_NOT_MATCH("!~", 4),
    ADD("+", 5), SUB("-", 5),
    MUL("*", 6), DIV("/", 6), MOD("%", 6),
    POW("^", 7),
    PIPE("|>", 8),
    NEGATE("-", 9), PLUS("+", 9);

    private final String symbol;
    private final int precedence;

    Operator(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    public String symbol() {
        return symbol;
    }

    public int precedence() {
        return precedence;
    }
}
