package dev.fixpoint.bio.expr;

import static dev.fixpoint.bio.expr.Expression.*;

import dev.fixpoint.bio.expr.Expression.BinaryOp;
import dev.fixpoint.bio.expr.Expression.Binary;
import dev.fixpoint.bio.expr.Expression.Call;
import dev.fixpoint.bio.expr.Expression.Function1;
import dev.fixpoint.bio.expr.Expression.Neg;
import dev.fixpoint.bio.expr.Expression.Num;
import dev.fixpoint.bio.expr.Expression.Sym;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Symbolic differentiation rules. */
final class SymbolicDerivative {
    private SymbolicDerivative() {
    }

    static Expression of(Expression e, String x) {
        Objects.requireNonNull(x);
        if (e instanceof Num) {
            return ZERO;
        }
        if (e instanceof Sym s) {
            return s.name().equals(x) ? ONE : ZERO;
        }
        if (!e.dependsOn(x)) {
            return ZERO;
        }
        if (e instanceof Neg n) {
            return neg(of(n.a(), x));
        }
        if (e instanceof Binary b) {
            Expression a = b.a();
            Expression c = b.b();
            return switch (b.op()) {
                case ADD -> add(of(a, x), of(c, x));
                case SUB -> sub(of(a, x), of(c, x));
                case MUL -> add(mul(of(a, x), c), mul(a, of(c, x)));
                case DIV -> sub(div(of(a, x), c), div(mul(a, of(c, x)), mul(c, c)));
                case POW -> {
                    if (!c.dependsOn(x)) {
                        yield mul(mul(c, pow(a, sub(c, ONE))), of(a, x));
                    }
                    // d(a^c) = a^c (c' ln a + c a'/a)
                    Expression lnA = call(Function1.LOG, a);
                    yield mul(b, add(mul(of(c, x), lnA), div(mul(c, of(a, x)), a)));
                }
                default -> ZERO;
            };
        }
        if (e instanceof Call c) {
            Expression a = c.args().get(0);
            Expression da = of(a, x);
            return switch (c.fn()) {
                case EXP -> mul(e, da);
                case LOG -> div(da, a);
                case LOG10 -> div(da, mul(a, num(Math.log(10))));
                case SQRT -> div(da, mul(num(2), e));
                case SIN -> mul(call(Function1.COS, a), da);
                case COS -> neg(mul(call(Function1.SIN, a), da));
                case TAN -> div(da, pow(call(Function1.COS, a), num(2)));
                case ABS -> mul(call(Function1.SIGN, a), da);
                case SIGN, NOT -> ZERO;
                case MIN, MAX -> {
                    Expression b = c.args().get(1);
                    BinaryOp op = c.fn() == Function1.MIN ? BinaryOp.LE : BinaryOp.GE;
                    yield piecewise(List.of(da), List.of(new Binary(op, a, b)), of(b, x));
                }
            };
        }
        Expression.Piecewise p = (Expression.Piecewise) e;
        List<Expression> v = new ArrayList<>();
        for (Expression value : p.values()) {
            v.add(of(value, x));
        }
        return piecewise(v, p.conditions(), of(p.otherwise(), x));
    }
}
