package dev.fixpoint.bio.expr;

import dev.fixpoint.bio.expr.Expression.Binary;
import dev.fixpoint.bio.expr.Expression.Call;
import dev.fixpoint.bio.expr.Expression.Neg;
import dev.fixpoint.bio.expr.Expression.Num;
import dev.fixpoint.bio.expr.Expression.Piecewise;
import dev.fixpoint.bio.expr.Expression.Sym;
import dev.fixpoint.core.FixpointException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An {@link Expression} compiled into a postfix program over a slot array: every symbol is bound to
 * an index of the environment array passed to {@link #evaluate}. Evaluation allocates nothing.
 * Instances own a small evaluation stack and are therefore not thread-safe.
 */
public final class CompiledExpression {
    private static final int CONST = 0;
    private static final int LOAD = 1;
    private static final int BIN = 2;
    private static final int NEG = 3;
    private static final int FN = 4;
    private static final int PIECEWISE = 5;

    private final int[] code;
    private final double[] constants;
    private final double[] stack;
    private final String source;
    private final int kind; // 0 general, 1 constant, 2 single load
    private final double constant;
    private final int slot;

    private CompiledExpression(int[] code, double[] constants, int depth, String source) {
        this.code = code;
        this.constants = constants;
        this.stack = new double[Math.max(depth, 1)];
        this.source = source;
        if (code.length == 2 && code[0] == CONST) {
            kind = 1;
            constant = constants[code[1]];
            slot = -1;
        } else if (code.length == 2 && code[0] == LOAD) {
            kind = 2;
            constant = 0;
            slot = code[1];
        } else {
            kind = 0;
            constant = 0;
            slot = -1;
        }
    }

    /**
     * @param e     the expression
     * @param slots symbol name → index into the environment array
     * @return the compiled program
     * @throws FixpointException {@code [fixpoint/UnknownSymbol]} naming the symbol, the expression and the known names
     */
    public static CompiledExpression compile(Expression e, Map<String, Integer> slots) {
        Builder b = new Builder(slots, e);
        b.emit(e);
        return new CompiledExpression(Arrays.copyOf(b.code, b.size), b.constants.stream().mapToDouble(Double::doubleValue).toArray(),
                b.maxDepth, e.toString());
    }

    /** @return true if the expression is the constant zero */
    public boolean isZero() {
        return kind == 1 && constant == 0;
    }

    /**
     * @param env values of the slots (read only)
     * @return the value
     */
    public double evaluate(double[] env) {
        if (kind == 1) {
            return constant;
        }
        if (kind == 2) {
            return env[slot];
        }
        double[] s = stack;
        int sp = 0;
        int[] c = code;
        int pc = 0;
        while (pc < c.length) {
            switch (c[pc]) {
                case CONST -> s[sp++] = constants[c[pc + 1]];
                case LOAD -> s[sp++] = env[c[pc + 1]];
                case BIN -> {
                    double b = s[--sp];
                    double a = s[sp - 1];
                    s[sp - 1] = binary(c[pc + 1], a, b);
                }
                case NEG -> s[sp - 1] = -s[sp - 1];
                case FN -> {
                    int f = c[pc + 1];
                    if (Expression.Function1.values()[f].arity() == 2) {
                        double b = s[--sp];
                        s[sp - 1] = f == Expression.Function1.MIN.ordinal() ? Math.min(s[sp - 1], b) : Math.max(s[sp - 1], b);
                    } else {
                        s[sp - 1] = unary(f, s[sp - 1]);
                    }
                }
                case PIECEWISE -> {
                    int k = c[pc + 1];
                    int base = sp - (2 * k + 1);
                    double v = s[sp - 1];
                    for (int i = 0; i < k; i++) {
                        if (s[base + 2 * i + 1] != 0) {
                            v = s[base + 2 * i];
                            break;
                        }
                    }
                    sp = base;
                    s[sp++] = v;
                }
                default -> throw new IllegalStateException("bad opcode " + c[pc]);
            }
            pc += c[pc] == NEG ? 1 : 2;
        }
        return s[0];
    }

    private static double binary(int op, double a, double b) {
        switch (op) {
            case 0: return a + b;
            case 1: return a - b;
            case 2: return a * b;
            case 3: return a / b;
            case 4: return b == 2 ? a * a : b == 1 ? a : Math.pow(a, b);
            case 5: return a < b ? 1 : 0;
            case 6: return a <= b ? 1 : 0;
            case 7: return a > b ? 1 : 0;
            case 8: return a >= b ? 1 : 0;
            case 9: return a == b ? 1 : 0;
            case 10: return a != b ? 1 : 0;
            case 11: return a != 0 && b != 0 ? 1 : 0;
            case 12: return a != 0 || b != 0 ? 1 : 0;
            default: throw new IllegalStateException("bad operator " + op);
        }
    }

    private static double unary(int f, double a) {
        switch (f) {
            case 0: return Math.exp(a);
            case 1: return Math.log(a);
            case 2: return Math.log10(a);
            case 3: return Math.sqrt(a);
            case 4: return Math.sin(a);
            case 5: return Math.cos(a);
            case 6: return Math.tan(a);
            case 7: return Math.abs(a);
            case 8: return Math.signum(a);
            case 11: return a == 0 ? 1 : 0;
            default: throw new IllegalStateException("bad function " + f);
        }
    }

    @Override
    public String toString() {
        return source;
    }

    private static final class Builder {
        final Map<String, Integer> slots;
        final Expression root;
        int[] code = new int[16];
        int size;
        final List<Double> constants = new ArrayList<>();
        int depth;
        int maxDepth;

        Builder(Map<String, Integer> slots, Expression root) {
            this.slots = slots;
            this.root = root;
        }

        void op(int opcode, int arg, int depthChange) {
            if (size + 2 > code.length) {
                code = Arrays.copyOf(code, code.length * 2);
            }
            code[size++] = opcode;
            if (opcode != NEG) {
                code[size++] = arg;
            }
            depth += depthChange;
            maxDepth = Math.max(maxDepth, depth);
        }

        void emit(Expression e) {
            if (e instanceof Num n) {
                constants.add(n.value());
                op(CONST, constants.size() - 1, 1);
            } else if (e instanceof Sym s) {
                Integer slot = slots.get(s.name());
                if (slot == null) {
                    throw new FixpointException("UnknownSymbol", "unknown symbol '" + s.name() + "' in expression '" + root
                            + "'; known symbols: " + new TreeSet<>(slots.keySet()));
                }
                op(LOAD, slot, 1);
            } else if (e instanceof Binary b) {
                emit(b.a());
                emit(b.b());
                op(BIN, b.op().ordinal(), -1);
            } else if (e instanceof Neg n) {
                emit(n.a());
                op(NEG, 0, 0);
            } else if (e instanceof Call c) {
                for (Expression a : c.args()) {
                    emit(a);
                }
                op(FN, c.fn().ordinal(), 1 - c.args().size());
            } else {
                Piecewise p = (Piecewise) e;
                for (int i = 0; i < p.values().size(); i++) {
                    emit(p.values().get(i));
                    emit(p.conditions().get(i));
                }
                emit(p.otherwise());
                op(PIECEWISE, p.values().size(), -2 * p.values().size());
            }
        }
    }
}
