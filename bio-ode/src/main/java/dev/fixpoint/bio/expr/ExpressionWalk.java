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

/** Tree walks used by the default methods. */
final class ExpressionWalk {
    private ExpressionWalk() {
    }

    static void collect(Expression e, Set<String> out) {
        if (e instanceof Sym s) {
            out.add(s.name());
        } else if (e instanceof Binary b) {
            collect(b.a(), out);
            collect(b.b(), out);
        } else if (e instanceof Neg n) {
            collect(n.a(), out);
        } else if (e instanceof Call c) {
            c.args().forEach(a -> collect(a, out));
        } else if (e instanceof Expression.Piecewise p) {
            p.values().forEach(a -> collect(a, out));
            p.conditions().forEach(a -> collect(a, out));
            collect(p.otherwise(), out);
        }
    }

    static Expression substitute(Expression e, Function<String, Expression> r) {
        if (e instanceof Num) {
            return e;
        }
        if (e instanceof Sym s) {
            Expression x = r.apply(s.name());
            return x == null ? e : x;
        }
        if (e instanceof Neg n) {
            return neg(substitute(n.a(), r));
        }
        if (e instanceof Binary b) {
            Expression a = substitute(b.a(), r);
            Expression c = substitute(b.b(), r);
            return switch (b.op()) {
                case ADD -> add(a, c);
                case SUB -> sub(a, c);
                case MUL -> mul(a, c);
                case DIV -> div(a, c);
                case POW -> pow(a, c);
                default -> new Binary(b.op(), a, c);
            };
        }
        if (e instanceof Call c) {
            return call(c.fn(), c.args().stream().map(a -> substitute(a, r)).toArray(Expression[]::new));
        }
        Expression.Piecewise p = (Expression.Piecewise) e;
        List<Expression> v = new ArrayList<>();
        List<Expression> c = new ArrayList<>();
        for (int i = 0; i < p.values().size(); i++) {
            v.add(substitute(p.values().get(i), r));
            c.add(substitute(p.conditions().get(i), r));
        }
        return piecewise(v, c, substitute(p.otherwise(), r));
    }
}
