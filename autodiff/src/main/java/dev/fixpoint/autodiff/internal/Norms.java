package dev.fixpoint.autodiff.internal;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;

/**
 * Vector norms over all elements, as rank-0 outputs: Euclidean {@code ‖x‖₂} (BLAS {@code nrm2}) and
 * {@code ‖x‖₁}. Both are non-differentiable somewhere; the derivative taken there is the zero
 * subgradient: {@code ∇‖x‖₂ = 0} at {@code x = 0}, and {@code ∂|xᵢ|/∂xᵢ = 0} at {@code xᵢ = 0}.
 */
public final class Norms {
    /** {@code ‖x‖₂}. */
    public static final Op NORM2 = new Norm(true);
    /** {@code ‖x‖₁}. */
    public static final Op NORM1 = new Norm(false);

    private Norms() {
    }

    /** @return {@code sign(x)} elementwise with {@code sign(0) = 0} */
    static Tensor sign(Tensor x) {
        Tensor out = Tensor.zeros(x.shape());
        double[] d = x.data();
        double[] o = out.data();
        int off = x.offset();
        for (int i = 0; i < o.length; i++) {
            o[i] = Math.signum(d[off + i]);
        }
        return out;
    }

    private static final class Norm extends Op {
        private final boolean euclidean;

        Norm(boolean euclidean) {
            this.euclidean = euclidean;
        }

        @Override
        public String name() {
            return euclidean ? "norm2" : "norm1";
        }

        @Override
        protected Tensor forward(OpContext ctx, Tensor[] in) {
            Tensor x = in[0];
            if (euclidean) {
                return Tensor.scalar(x.norm());
            }
            double s = 0;
            double[] d = x.data();
            int off = x.offset();
            for (int i = 0, n = x.size(); i < n; i++) {
                s += Math.abs(d[off + i]);
            }
            return Tensor.scalar(s);
        }

        @Override
        protected Var[] vjp(OpContext ctx, Var g) {
            Var x = ctx.input(0);
            if (!euclidean) {
                return new Var[]{Ops.mul(g, Var.constant(sign(x.value())))};
            }
            if (ctx.output().item() == 0) {
                return new Var[]{Var.constant(Tensor.zeros(x.shape()))};
            }
            return new Var[]{Ops.mul(Ops.div(g, ctx.output()), x)}; // g·x/‖x‖
        }

        @Override
        protected Tensor jvp(OpContext ctx, Tensor[] t) {
            Tensor x = ctx.input(0).value();
            if (!euclidean) {
                return Tensor.scalar(sign(x).dot(t[0]));
            }
            double n = ctx.output().item();
            return Tensor.scalar(n == 0 ? 0.0 : x.dot(t[0]) / n);
        }
    }
}
