package dev.fixpoint.autodiff.internal;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;

/** {@code a + b}, {@code a - b}, {@code a * b}, {@code a / b} with broadcasting. */
public final class BinaryArithmetic extends Op {
    /** Addition. */
    public static final BinaryArithmetic ADD = new BinaryArithmetic(Broadcast.Kind.ADD, "add");
    /** Subtraction. */
    public static final BinaryArithmetic SUB = new BinaryArithmetic(Broadcast.Kind.SUB, "sub");
    /** Elementwise product. */
    public static final BinaryArithmetic MUL = new BinaryArithmetic(Broadcast.Kind.MUL, "mul");
    /** Elementwise quotient. */
    public static final BinaryArithmetic DIV = new BinaryArithmetic(Broadcast.Kind.DIV, "div");

    private final Broadcast.Kind kind;
    private final String name;

    private BinaryArithmetic(Broadcast.Kind kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected Tensor forward(OpContext ctx, Tensor[] in) {
        return Broadcast.binary(name, kind, in[0], in[1]);
    }

    @Override
    protected Var[] vjp(OpContext ctx, Var g) {
        Var a = ctx.input(0);
        Var b = ctx.input(1);
        int[] as = a.shape();
        int[] bs = b.shape();
        Var ga = null;
        Var gb = null;
        switch (kind) {
            case ADD -> {
                ga = ctx.needsGrad(0) ? Ops.sumTo(g, as) : null;
                gb = ctx.needsGrad(1) ? Ops.sumTo(g, bs) : null;
            }
            case SUB -> {
                ga = ctx.needsGrad(0) ? Ops.sumTo(g, as) : null;
                gb = ctx.needsGrad(1) ? Ops.sumTo(Ops.scale(g, -1.0), bs) : null;
            }
            case MUL -> {
                ga = ctx.needsGrad(0) ? Ops.sumTo(Ops.mul(g, b), as) : null;
                gb = ctx.needsGrad(1) ? Ops.sumTo(Ops.mul(g, a), bs) : null;
            }
            case DIV -> {
                ga = ctx.needsGrad(0) ? Ops.sumTo(Ops.div(g, b), as) : null;
                // d(a/b)/db = -a/b² = -out/b
                gb = ctx.needsGrad(1) ? Ops.sumTo(Ops.scale(Ops.div(Ops.mul(g, ctx.output()), b), -1.0), bs) : null;
            }
            default -> throw new IllegalStateException(kind.toString());
        }
        return new Var[]{ga, gb};
    }

    @Override
    protected Tensor jvp(OpContext ctx, Tensor[] t) {
        Tensor a = ctx.input(0).value();
        Tensor b = ctx.input(1).value();
        int[] os = ctx.output().shape();
        Tensor ta = t[0];
        Tensor tb = t[1];
        Tensor out = Tensor.zeros(os);
        switch (kind) {
            case ADD -> {
                out = acc(out, ta);
                out = acc(out, tb);
            }
            case SUB -> {
                out = acc(out, ta);
                out = tb == null ? out : acc(out, tb.neg());
            }
            case MUL -> {
                out = ta == null ? out : acc(out, Broadcast.binary(name, Broadcast.Kind.MUL, ta, b));
                out = tb == null ? out : acc(out, Broadcast.binary(name, Broadcast.Kind.MUL, a, tb));
            }
            case DIV -> {
                out = ta == null ? out : acc(out, Broadcast.binary(name, Broadcast.Kind.DIV, ta, b));
                if (tb != null) {
                    Tensor q = Broadcast.binary(name, Broadcast.Kind.DIV, ctx.output().value(), b);
                    out = acc(out, Broadcast.binary(name, Broadcast.Kind.MUL, q, tb).neg());
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
        return out;
    }

    private static Tensor acc(Tensor out, Tensor t) {
        return t == null ? out : Broadcast.binary("jvp", Broadcast.Kind.ADD, out, t);
    }
}
