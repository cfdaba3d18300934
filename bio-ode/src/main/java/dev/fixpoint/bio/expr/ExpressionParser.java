package dev.fixpoint.bio.expr;

import dev.fixpoint.bio.expr.Expression.BinaryOp;
import dev.fixpoint.bio.expr.Expression.Function1;
import dev.fixpoint.core.FixpointException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the infix model language into an {@link Expression}. Grammar (lowest precedence first):
 * {@code ||}, {@code &&}, comparisons ({@code < <= > >= == !=}), {@code + −}, {@code * /}, unary
 * {@code − !}, {@code ^} (right-associative), then numbers ({@code 1.5e-3}), names
 * ({@code [A-Za-z_][A-Za-z0-9_]*}), calls {@code f(a, …)} and parentheses. Functions: exp, log (ln),
 * log10, sqrt, sin, cos, tan, abs, sign, min, max, pow(a, b), piecewise(v1, c1, …, otherwise).
 * Stateless and thread-safe.
 */
public final class ExpressionParser {
    private final String text;
    private int pos;

    private ExpressionParser(String text) {
        this.text = text;
    }

    /**
     * @param text the expression, e.g. {@code "Vmax*S/(Km + S)"}
     * @return its tree (simplified)
     * @throws FixpointException {@code [fixpoint/ExpressionSyntax]} naming the position and what was expected
     */
    public static Expression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new FixpointException("ExpressionSyntax", "empty expression");
        }
        ExpressionParser p = new ExpressionParser(text);
        Expression e = p.or();
        p.skip();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        }
        return e;
    }

    private FixpointException error(String what) {
        return new FixpointException("ExpressionSyntax", what + " at position " + pos + " in '" + text + "'");
    }

    private void skip() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean eat(String token) {
        skip();
        if (text.startsWith(token, pos)) {
            // do not split "<=" into "<" and "="
            if ((token.equals("<") || token.equals(">") || token.equals("!")) && text.startsWith(token + "=", pos)) {
                return false;
            }
            pos += token.length();
            return true;
        }
        return false;
    }

    private Expression or() {
        Expression e = and();
        while (eat("||")) {
            e = new Expression.Binary(BinaryOp.OR, e, and());
        }
        return e;
    }

    private Expression and() {
        Expression e = comparison();
        while (eat("&&")) {
            e = new Expression.Binary(BinaryOp.AND, e, comparison());
        }
        return e;
    }

    private Expression comparison() {
        Expression e = sum();
        String[] ops = {"<=", ">=", "==", "!=", "<", ">"};
        BinaryOp[] kinds = {BinaryOp.LE, BinaryOp.GE, BinaryOp.EQ, BinaryOp.NE, BinaryOp.LT, BinaryOp.GT};
        for (int i = 0; i < ops.length; i++) {
            if (eat(ops[i])) {
                return new Expression.Binary(kinds[i], e, sum());
            }
        }
        return e;
    }

    private Expression sum() {
        Expression e = product();
        while (true) {
            if (eat("+")) {
                e = Expression.add(e, product());
            } else if (eat("-")) {
                e = Expression.sub(e, product());
            } else {
                return e;
            }
        }
    }

    private Expression product() {
        Expression e = unary();
        while (true) {
            if (eat("*")) {
                e = Expression.mul(e, unary());
            } else if (eat("/")) {
                e = Expression.div(e, unary());
            } else {
                return e;
            }
        }
    }

    private Expression unary() {
        if (eat("-")) {
            return Expression.neg(unary());
        }
        if (eat("+")) {
            return unary();
        }
        if (eat("!")) {
            return Expression.call(Function1.NOT, unary());
        }
        return power();
    }

    private Expression power() {
        Expression base = primary();
        if (eat("^")) {
            return Expression.pow(base, unary());
        }
        return base;
    }

    private Expression primary() {
        skip();
        if (pos >= text.length()) {
            throw error("expected a number, name or '('");
        }
        char c = text.charAt(pos);
        if (eat("(")) {
            Expression e = or();
            expect(")");
            return e;
        }
        if (Character.isDigit(c) || c == '.') {
            int start = pos;
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
                int save = pos++;
                if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                    pos++;
                }
                if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                        pos++;
                    }
                } else {
                    pos = save;
                }
            }
            try {
                return Expression.num(Double.parseDouble(text.substring(start, pos)));
            } catch (NumberFormatException ex) {
                pos = start;
                throw error("malformed number '" + text.substring(start, Math.min(text.length(), start + 12)) + "'");
            }
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            String name = text.substring(start, pos);
            if (eat("(")) {
                List<Expression> args = new ArrayList<>();
                if (!eat(")")) {
                    do {
                        args.add(or());
                    } while (eat(","));
                    expect(")");
                }
                return call(name, args, start);
            }
            return Expression.sym(name);
        }
        throw error("unexpected '" + c + "'");
    }

    private Expression call(String name, List<Expression> args, int at) {
        switch (name) {
            case "pow":
                arity(name, args, 2, at);
                return Expression.pow(args.get(0), args.get(1));
            case "piecewise": {
                if (args.size() < 3 || args.size() % 2 == 0) {
                    pos = at;
                    throw error("piecewise needs (value, condition)… pairs and an otherwise value (odd count ≥ 3), got "
                            + args.size() + " arguments");
                }
                List<Expression> v = new ArrayList<>();
                List<Expression> c = new ArrayList<>();
                for (int i = 0; i + 1 < args.size(); i += 2) {
                    v.add(args.get(i));
                    c.add(args.get(i + 1));
                }
                return Expression.piecewise(v, c, args.get(args.size() - 1));
            }
            default:
                break;
        }
        Function1 fn = switch (name) {
            case "exp" -> Function1.EXP;
            case "log", "ln" -> Function1.LOG;
            case "log10" -> Function1.LOG10;
            case "sqrt" -> Function1.SQRT;
            case "sin" -> Function1.SIN;
            case "cos" -> Function1.COS;
            case "tan" -> Function1.TAN;
            case "abs" -> Function1.ABS;
            case "sign" -> Function1.SIGN;
            case "min" -> Function1.MIN;
            case "max" -> Function1.MAX;
            default -> null;
        };
        if (fn == null) {
            pos = at;
            throw error("unknown function '" + name + "' (known: exp, log, ln, log10, sqrt, sin, cos, tan, abs, sign, "
                    + "min, max, pow, piecewise)");
        }
        arity(name, args, fn.arity(), at);
        return Expression.call(fn, args.toArray(Expression[]::new));
    }

    private void arity(String name, List<Expression> args, int n, int at) {
        if (args.size() != n) {
            pos = at;
            throw error(name + " takes " + n + " argument(s), got " + args.size());
        }
    }

    private void expect(String token) {
        if (!eat(token)) {
            throw error("expected '" + token + "'");
        }
    }
}
