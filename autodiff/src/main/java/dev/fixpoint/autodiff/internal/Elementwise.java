package dev.fixpoint.autodiff.internal;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;

/** Smooth (or piecewise-linear) elementwise functions whose derivative is expressed through differentiable ops. */
public final class Elementwise extends Op {
    /** The functions. */
    public enum Fn { EXP, TANH, RELU }

    /** {@code exp(x)}. */
    public static final Elementwise EXP = new Elementwise(Fn.EXP);
    /** {@code tanh(x)}. */
    public static final Elementwise TANH = new Elementwise(Fn.TANH);
    /** {@code max(x, 0)}; derivative 1 for x > 0, else 0 (also at 0). */
    public static final Elementwise RELU = new Elementwise(Fn.RELU);

    private final Fn fn;

    private Elementwise(Fn fn) {
        this.fn = fn;
    }

    @Override
    public String name() {
        return fn.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    protected Tensor forward(OpContext ctx, Tensor[] in) {
        Tensor x = in[0];
        Tensor out = Tensor.zeros(x.shape());
        double[] xd = x.data();
        double[] od = out.data();
        int xo = x.offset();
        int n = x.size();
        switch (fn) {
            case EXP -> {
                for (int i = 0; i < n; i++) {
                    od[i] = Math.exp(xd[xo + i]);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    od[i] = Math.tanh(xd[xo + i]);
                }
            }
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    double v = xd[xo + i];
                    od[i] = v > 0 ? v : 0.0;
                }
            }
            default -> throw new IllegalStateException(fn.toString());
        }
        return out;
    }

    /** dy/dx as a variable (differentiable where the function is twice differentiable). */
    private Var derivative(OpContext ctx) {
        Var y = ctx.output();
        return switch (fn) {
            case EXP -> y;
            case TANH -> Ops.sub(Var.constant(1.0), Ops.mul(y, y));
            case RELU -> Var.constant(ctx.input(0).value().map(v -> v > 0 ? 1.0 : 0.0));
        };
    }

    @Override
    protected Var[] vjp(OpContext ctx, Var g) {
        return new Var[]{Ops.mul(g, derivative(ctx))};
    }

    @Override
    protected Tensor jvp(OpContext ctx, Tensor[] t) {
        Tensor d;
        Tensor y = ctx.output().value();
        switch (fn) {
            case EXP -> d = y;
            case TANH -> d = y.map(v -> 1 - v * v);
            case RELU -> d = ctx.input(0).value().map(v -> v > 0 ? 1.0 : 0.0);
            default -> throw new IllegalStateException(fn.toString());
        }
        return t[0].mul(d);
    }
}
