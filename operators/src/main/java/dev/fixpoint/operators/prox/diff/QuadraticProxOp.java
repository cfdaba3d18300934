package dev.fixpoint.operators.prox.diff;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.linalg.LinearAlgebra;

/**
 * Proximal map of the quadratic {@code f(x) = ½xᵀQx + qᵀx}:
 * {@code x = (I + τQ)⁻¹(v − τq)}. Inputs {@code v [n]}, {@code τ []}, {@code Q [n, n]},
 * {@code q [n]}. Only the symmetric part {@code Qs = (Q + Qᵀ)/2} enters {@code f}, so the map uses
 * {@code Qs} and the cotangent of {@code Q} is symmetric; {@code I + τQs} must be invertible
 * ({@code Q} positive semidefinite and {@code τ > 0} suffice).
 *
 * <p>With {@code A = I + τQs} and {@code w = A⁻¹g}: {@code ∂/∂v: w}, {@code ∂/∂τ: −wᵀ(Qs x + q)},
 * {@code ∂/∂q: −τw}, {@code ∂/∂Q: −τ(w xᵀ + x wᵀ)/2}. Smooth everywhere; the VJP is on tensors
 * (once differentiable) and costs one solve.
 */
final class QuadraticProxOp extends Op {
    static final QuadraticProxOp INSTANCE = new QuadraticProxOp();

    @Override
    public String name() {
        return "proxQuadratic";
    }

    /** Checks {@code v [n]}, {@code τ} with one element, {@code Q [n, n]}, {@code q [n]}. */
    static void checkShapes(int[] v, int[] tau, int[] q2, int[] q1) {
        if (v.length != 1) {
            throw new ShapeMismatchException("proxQuadratic: v must be a vector [n], got rank " + v.length);
        }
        int n = v[0];
        if (q2.length != 2 || q2[0] != n || q2[1] != n) {
            throw new ShapeMismatchException("proxQuadratic Q", q2, v, "Q must be [n, n] for v of shape [n]");
        }
        if (q1.length != 1 || q1[0] != n) {
            throw new ShapeMismatchException("proxQuadratic q", q1, v, "q must have v's shape [n]");
        }
        if (tau.length != 0) {
            throw new ShapeMismatchException("proxQuadratic τ", tau, new int[0], "τ must be a scalar");
        }
    }

    private static Tensor symmetricPart(Tensor q) {
        int n = q.dim(0);
        Tensor s = Tensor.zeros(n, n);
        double[] d = q.data();
        int off = q.offset();
        double[] o = s.data();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                o[i * n + j] = 0.5 * (d[off + i * n + j] + d[off + j * n + i]);
            }
        }
        return s;
    }

    @Override
    protected Tensor forward(OpContext ctx, Tensor[] in) {
        Tensor v = in[0];
        double tau = in[1].item();
        Tensor qs = symmetricPart(in[2]);
        int n = v.size();
        Tensor a = qs.mul(tau);
        double[] ad = a.data();
        for (int i = 0; i < n; i++) {
            ad[i * n + i] += 1;
        }
        Tensor rhs = v.copy().axpyInPlace(-tau, in[3]);
        Tensor x = LinearAlgebra.current().solve(a, rhs);
        ctx.save(a, qs);
        return x;
    }

    /** @return {@code Qs x + q}, the gradient of {@code f} at the output */
    private static Tensor gradientAtOutput(OpContext ctx) {
        return ctx.saved(1).matvec(ctx.output().value()).add(ctx.input(3).value());
    }

    @Override
    protected Tensor[] vjp(OpContext ctx, Tensor g) {
        Tensor a = ctx.saved(0);
        double tau = ctx.input(1).value().item();
        Tensor x = ctx.output().value();
        Tensor w = LinearAlgebra.current().solve(a, g);
        Tensor[] out = new Tensor[4];
        if (ctx.needsGrad(0)) {
            out[0] = w;
        }
        if (ctx.needsGrad(1)) {
            out[1] = Tensor.scalar(-w.dot(gradientAtOutput(ctx)));
        }
        if (ctx.needsGrad(2)) {
            int n = x.size();
            Tensor gq = Tensor.zeros(n, n);
            double[] o = gq.data();
            double[] wd = w.data();
            double[] xd = x.data();
            int wo = w.offset();
            int xo = x.offset();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    o[i * n + j] = -0.5 * tau * (wd[wo + i] * xd[xo + j] + xd[xo + i] * wd[wo + j]);
                }
            }
            out[2] = gq;
        }
        if (ctx.needsGrad(3)) {
            out[3] = w.mul(-tau);
        }
        return out;
    }

    @Override
    protected Tensor jvp(OpContext ctx, Tensor[] t) {
        Tensor a = ctx.saved(0);
        double tau = ctx.input(1).value().item();
        Tensor x = ctx.output().value();
        Tensor rhs = t[0] == null ? Tensor.zeros(x.shape()) : t[0].copy();
        if (t[1] != null) {
            rhs.axpyInPlace(-t[1].item(), gradientAtOutput(ctx));
        }
        if (t[2] != null) {
            rhs.axpyInPlace(-tau, symmetricPart(t[2]).matvec(x));
        }
        if (t[3] != null) {
            rhs.axpyInPlace(-tau, t[3]);
        }
        return LinearAlgebra.current().solve(a, rhs);
    }
}
