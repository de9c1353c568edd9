package org.painlab.mechanism.math;

/**
 * The operators and functions of SBML core MathML that models may use.
 *
 * @since 0.1
 */
public enum Op {
    PLUS("+", 0, -1), MINUS("-", 1, 2), TIMES("*", 0, -1), DIVIDE("/", 2, 2), POWER("^", 2, 2),
    ROOT("root", 1, 2), ABS("abs", 1, 1), EXP("exp", 1, 1), LN("ln", 1, 1), LOG("log", 1, 2),
    FLOOR("floor", 1, 1), CEILING("ceiling", 1, 1), FACTORIAL("factorial", 1, 1),
    SIN("sin", 1, 1), COS("cos", 1, 1), TAN("tan", 1, 1), SEC("sec", 1, 1), CSC("csc", 1, 1), COT("cot", 1, 1),
    SINH("sinh", 1, 1), COSH("cosh", 1, 1), TANH("tanh", 1, 1), SECH("sech", 1, 1), CSCH("csch", 1, 1),
    COTH("coth", 1, 1), ARCSIN("arcsin", 1, 1), ARCCOS("arccos", 1, 1), ARCTAN("arctan", 1, 1),
    ARCSEC("arcsec", 1, 1), ARCCSC("arccsc", 1, 1), ARCCOT("arccot", 1, 1), ARCSINH("arcsinh", 1, 1),
    ARCCOSH("arccosh", 1, 1), ARCTANH("arctanh", 1, 1), ARCSECH("arcsech", 1, 1), ARCCSCH("arccsch", 1, 1),
    ARCCOTH("arccoth", 1, 1), MIN("min", 1, -1), MAX("max", 1, -1), QUOTIENT("quotient", 2, 2), REM("rem", 2, 2),
    EQ("==", 2, -1), NEQ("!=", 2, 2), LT("<", 2, -1), LEQ("<=", 2, -1), GT(">", 2, -1), GEQ(">=", 2, -1),
    AND("and", 0, -1), OR("or", 0, -1), XOR("xor", 0, -1), NOT("not", 1, 1), IMPLIES("implies", 2, 2),
    /** piecewise(value1, condition1, value2, condition2, ..., [otherwise]). */
    PIECEWISE("piecewise", 1, -1);

    private final String symbol;
    private final int minArgs;
    private final int maxArgs;

    Op(String symbol, int minArgs, int maxArgs) {
        this.symbol = symbol;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    /** The name written in formulas. */
    public String symbol() {
        return symbol;
    }

    public int minArgs() {
        return minArgs;
    }

    /** Most arguments, -1 for any number. */
    public int maxArgs() {
        return maxArgs;
    }

    String arity() {
        return maxArgs < 0 ? "at least " + minArgs : minArgs == maxArgs ? "" + minArgs : minArgs + " to " + maxArgs;
    }

    /** Whether the result is a truth value. */
    public boolean isBoolean() {
        return switch (this) {
            case EQ, NEQ, LT, LEQ, GT, GEQ, AND, OR, XOR, NOT, IMPLIES -> true;
            default -> false;
        };
    }
}
