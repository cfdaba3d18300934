package dev.fixpoint.autodiff.internal;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;
import java.util.Locale;

/**
 * Elementwise {@code log}, {@code sqrt}, {@code abs}, {@code sigmoid} and {@code softplus}, with
 * derivatives written through differentiable operations (so they can be differentiated again).
 * {@code sigmoid} and {@code softplus} are evaluated in forms that neither overflow nor lose
 * accuracy for large {@code |x|}; {@code abs} takes the derivative {@code sign(x)}, 0 at 0.
 */
public final class UnaryMath extends Op {
    /** The functions. */
    public enum Fn { LOG, SQRT, ABS, SIGMOID, SOFTPLUS }

    /** Natural logarithm (NaN below 0, -∞ at 0). */
    public static final UnaryMath LOG = new UnaryMath(Fn.LOG);
    /** Square root (NaN below 0; infinite derivative at 0). */
    public static final UnaryMath SQRT = new UnaryMath(Fn.SQRT);
    /** Absolute value. */
    public static final UnaryMath ABS = new UnaryMath(Fn.ABS);
    /** Logistic function {@code 1 / (1 + e^-x)}. */
    public static final UnaryMath SIGMOID = new UnaryMath(Fn.SIGMOID);
    /** {@code log(1 + e^x)}, computed as {@code max(x, 0) + log1p(e^-|x|)}. */
    public static final UnaryMath SOFTPLUS = new UnaryMath(Fn.SOFTPLUS);

    private final Fn fn;

    private UnaryMath(Fn fn) {
        this.fn = fn;
    }

    @Override
    public String name() {
        return fn.name().toLowerCase(Locale.ROOT);
    }

    /** @return the logistic function of {@code v} without overflow */
    static double sigmoid(double v) {
        if (v >= 0) {
            return 1.0 / (1.0 + Math.exp(-v));
        }
        double e = Math.exp(v);
        return e / (1.0 + e);
    }

    @Override
    protected Tensor forward(OpContext ctx, Tensor[] in) {
        Tensor x = in[0];
        Tensor out = Tensor.zeros(x.shape());
        double[] d = x.data();
        double[] o = out.data();
        int off = x.offset();
        int n = x.size();
        switch (fn) {
            case LOG -> {
                for (int i = 0; i < n; i++) {
                    o[i] = Math.log(d[off + i]);
                }
            }
            case SQRT -> {
                for (int i = 0; i < n; i++) {
                    o[i] = Math.sqrt(d[off + i]);
                }
            }
            case ABS -> {
                for (int i = 0; i < n; i++) {
                    o[i] = Math.abs(d[off + i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    o[i] = sigmoid(d[off + i]);
                }
            }
            case SOFTPLUS -> {
                for (int i = 0; i < n; i++) {
                    double v = d[off + i];
                    o[i] = Math.max(v, 0.0) + Math.log1p(Math.exp(-Math.abs(v)));
                }
            }
            default -> throw new IllegalStateException(fn.toString());
        }
        return out;
    }

    @Override
    protected Var[] vjp(OpContext ctx, Var g) {
        Var x = ctx.input(0);
        Var y = ctx.output();
        Var gx = switch (fn) {
            case LOG -> Ops.div(g, x);
            case SQRT -> Ops.div(Ops.scale(g, 0.5), y);
            case ABS -> Ops.mul(g, Var.constant(Norms.sign(x.value())));
            case SIGMOID -> Ops.mul(g, Ops.mul(y, Ops.sub(Var.constant(1.0), y)));
            case SOFTPLUS -> Ops.mul(g, SIGMOID.apply(x));
        };
        return new Var[]{gx};
    }

    @Override
    protected Tensor jvp(OpContext ctx, Tensor[] t) {
        Tensor x = ctx.input(0).value();
        Tensor y = ctx.output().value();
        return switch (fn) {
            case LOG -> t[0].div(x);
            case SQRT -> t[0].zipWith(y, (a, b) -> 0.5 * a / b);
            case ABS -> t[0].mul(Norms.sign(x));
            case SIGMOID -> t[0].zipWith(y, (a, b) -> a * b * (1 - b));
            case SOFTPLUS -> t[0].zipWith(x, (a, b) -> a * sigmoid(b));
        };
    }
}
