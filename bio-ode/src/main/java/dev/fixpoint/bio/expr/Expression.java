package dev.fixpoint.bio.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * An immutable expression tree of the model language: numbers, symbols (species, parameters,
 * compartments, rules and {@code time}), {@code + − × / ^}, comparisons and logic (true = 1, false = 0),
 * functions ({@code exp, log, log10, sqrt, sin, cos, tan, abs, sign, min, max, pow}) and
 * {@code piecewise(v1, c1, v2, c2, …, otherwise)}.
 *
 * <p>Build trees with {@link ExpressionParser#parse} or with the simplifying factories
 * ({@link #add}, {@link #mul}, …), differentiate symbolically with {@link #derivative}, and compile
 * into a fast evaluator with {@link CompiledExpression#compile}. Derivatives of comparisons are zero
 * (piecewise functions are differentiated branch by branch; their switching times are handled as
 * discontinuities by the integrators).
 */
public sealed interface Expression {

    /** Binary operators. Comparisons and logic evaluate to 1 (true) or 0 (false). */
    enum BinaryOp {
        /** a + b */ ADD("+"), /** a − b */ SUB("-"), /** a × b */ MUL("*"), /** a / b */ DIV("/"), /** a ^ b */ POW("^"),
        /** a &lt; b */ LT("<"), /** a ≤ b */ LE("<="), /** a &gt; b */ GT(">"), /** a ≥ b */ GE(">="),
        /** a = b */ EQ("=="), /** a ≠ b */ NE("!="), /** a and b */ AND("&&"), /** a or b */ OR("||");

        final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }

        boolean comparison() {
            return ordinal() >= LT.ordinal();
        }
    }

    /** Functions of one or two arguments. */
    enum Function1 {
        /** e^a */ EXP, /** natural logarithm */ LOG, /** base-10 logarithm */ LOG10, /** square root */ SQRT,
        /** sine */ SIN, /** cosine */ COS, /** tangent */ TAN, /** |a| */ ABS, /** sign(a) ∈ {−1, 0, 1} */ SIGN,
        /** min(a, b) */ MIN, /** max(a, b) */ MAX, /** logical not */ NOT;

        int arity() {
            return this == MIN || this == MAX ? 2 : 1;
        }
    }

    /** A constant. @param value the value */
    record Num(double value) implements Expression {
        @Override
        public String toString() {
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
        }
    }

    /** A named symbol (species, parameter, compartment, rule or {@code time}). @param name the name */
    record Sym(String name) implements Expression {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A binary operation. @param op operator @param a left @param b right */
    record Binary(BinaryOp op, Expression a, Expression b) implements Expression {
        @Override
        public String toString() {
            return "(" + a + " " + op.symbol + " " + b + ")";
        }
    }

    /** Negation −a. @param a the operand */
    record Neg(Expression a) implements Expression {
        @Override
        public String toString() {
            return "(-" + a + ")";
        }
    }

    /** A function call. @param fn the function @param args its arguments (length = arity) */
    record Call(Function1 fn, List<Expression> args) implements Expression {
        /** Checks the arity. */
        public Call {
            args = List.copyOf(args);
            if (args.size() != fn.arity()) {
                throw new IllegalArgumentException("[fixpoint/ExpressionArity] " + fn.name().toLowerCase()
                        + " takes " + fn.arity() + " argument(s), got " + args.size());
            }
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(fn.name().toLowerCase()).append('(');
            for (int i = 0; i < args.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(args.get(i));
            }
            return sb.append(')').toString();
        }
    }

    /**
     * {@code values[i]} where {@code conditions[i]} is the first true condition, else {@code otherwise}.
     *
     * @param values     branch values
     * @param conditions branch conditions (same length as values)
     * @param otherwise  the value when no condition holds
     */
    record Piecewise(List<Expression> values, List<Expression> conditions, Expression otherwise) implements Expression {
        /** Checks the lengths. */
        public Piecewise {
            values = List.copyOf(values);
            conditions = List.copyOf(conditions);
            if (values.size() != conditions.size() || values.isEmpty()) {
                throw new IllegalArgumentException("[fixpoint/ExpressionArity] piecewise needs pairs (value, condition) "
                        + "and an otherwise value, got " + values.size() + " values and " + conditions.size() + " conditions");
            }
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("piecewise(");
            for (int i = 0; i < values.size(); i++) {
                sb.append(values.get(i)).append(", ").append(conditions.get(i)).append(", ");
            }
            return sb.append(otherwise).append(')').toString();
        }
    }

    /** The zero constant. */
    Num ZERO = new Num(0);
    /** The unit constant. */
    Num ONE = new Num(1);

    /** @return a constant */
    static Expression num(double v) {
        return v == 0 ? ZERO : v == 1 ? ONE : new Num(v);
    }

    /** @return a symbol */
    static Expression sym(String name) {
        return new Sym(name);
    }

    /** @return a + b, simplified when an operand is a constant zero or both are constants */
    static Expression add(Expression a, Expression b) {
        if (isNum(a, 0)) {
            return b;
        }
        if (isNum(b, 0)) {
            return a;
        }
        if (a instanceof Num x && b instanceof Num y) {
            return num(x.value() + y.value());
        }
        if (b instanceof Neg nb) {
            return sub(a, nb.a());
        }
        return new Binary(BinaryOp.ADD, a, b);
    }

    /** @return a − b, simplified */
    static Expression sub(Expression a, Expression b) {
        if (isNum(b, 0)) {
            return a;
        }
        if (isNum(a, 0)) {
            return neg(b);
        }
        if (a instanceof Num x && b instanceof Num y) {
            return num(x.value() - y.value());
        }
        if (a.equals(b)) {
            return ZERO;
        }
        return new Binary(BinaryOp.SUB, a, b);
    }

    /** @return a × b, simplified (0·x = 0, 1·x = x, constant folding) */
    static Expression mul(Expression a, Expression b) {
        if (isNum(a, 0) || isNum(b, 0)) {
            return ZERO;
        }
        if (isNum(a, 1)) {
            return b;
        }
        if (isNum(b, 1)) {
            return a;
        }
        if (isNum(a, -1)) {
            return neg(b);
        }
        if (isNum(b, -1)) {
            return neg(a);
        }
        if (a instanceof Num x && b instanceof Num y) {
            return num(x.value() * y.value());
        }
        return new Binary(BinaryOp.MUL, a, b);
    }

    /** @return a / b, simplified */
    static Expression div(Expression a, Expression b) {
        if (isNum(a, 0)) {
            return ZERO;
        }
        if (isNum(b, 1)) {
            return a;
        }
        if (a instanceof Num x && b instanceof Num y && y.value() != 0) {
            return num(x.value() / y.value());
        }
        return new Binary(BinaryOp.DIV, a, b);
    }

    /** @return a ^ b, simplified */
    static Expression pow(Expression a, Expression b) {
        if (isNum(b, 0)) {
            return ONE;
        }
        if (isNum(b, 1)) {
            return a;
        }
        if (a instanceof Num x && b instanceof Num y) {
            return num(Math.pow(x.value(), y.value()));
        }
        return new Binary(BinaryOp.POW, a, b);
    }

    /** @return −a, simplified */
    static Expression neg(Expression a) {
        if (a instanceof Num x) {
            return num(-x.value());
        }
        if (a instanceof Neg n) {
            return n.a();
        }
        return new Neg(a);
    }

    /** @return fn(args) with constant folding */
    static Expression call(Function1 fn, Expression... args) {
        Call c = new Call(fn, List.of(args));
        boolean constant = true;
        for (Expression e : args) {
            constant &= e instanceof Num;
        }
        return constant ? num(CompiledExpression.compile(c, Map.of()).evaluate(new double[0])) : c;
    }

    /** @return a piecewise expression; collapses to the common value when all branches are equal */
    static Expression piecewise(List<Expression> values, List<Expression> conditions, Expression otherwise) {
        boolean same = true;
        for (Expression v : values) {
            same &= v.equals(otherwise);
        }
        return same ? otherwise : new Piecewise(values, conditions, otherwise);
    }

    private static boolean isNum(Expression e, double v) {
        return e instanceof Num n && n.value() == v;
    }

    /** @return true if this expression mentions {@code name} */
    default boolean dependsOn(String name) {
        return symbols().contains(name);
    }

    /** @return the names of all symbols in this expression */
    default Set<String> symbols() {
        Set<String> out = new java.util.LinkedHashSet<>();
        ExpressionWalk.collect(this, out);
        return out;
    }

    /**
     * Replaces symbols: each {@link Sym} whose name the function maps to a non-null expression is
     * replaced by it (not recursively), and the result is re-simplified.
     *
     * @param replacement name → expression, or null to keep the symbol
     * @return the new tree
     */
    default Expression substitute(Function<String, Expression> replacement) {
        return ExpressionWalk.substitute(this, replacement);
    }

    /**
     * Symbolic partial derivative with respect to a symbol (other symbols are held fixed).
     *
     * @param name the symbol
     * @return ∂this/∂name, simplified
     */
    default Expression derivative(String name) {
        return SymbolicDerivative.of(this, name);
    }
}
