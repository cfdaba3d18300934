package dev.fixpoint.solvers.deq;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.linalg.LinearAlgebra;

/** A contractive tanh cell f(z, x; W, U, b) = tanh(Wz + Ux + b) with ‖W‖₂ fixed, for the DEQ tests. */
final class TanhCell {
    static final EquilibriumFunction F = (z, x, p) ->
            Ops.tanh(Ops.add(Ops.add(Ops.matmul(p[0], z), Ops.matmul(p[1], x)), p[2]));

    final Tensor w;
    final Tensor u;
    final Tensor b;
    final Tensor x;
    final double wNorm;
    final double uNorm;

    TanhCell(int d, int p, int batch, double norm, long seed) {
        Tensor w0 = Tensor.randn(seed, d, d);
        this.w = w0.mul(norm / spectralNorm(w0));
        this.u = Tensor.randn(seed + 1, d, p).mul(1.0 / Math.sqrt(p));
        this.b = Tensor.randn(seed + 2, d, 1).mul(0.3);
        this.x = Tensor.randn(seed + 3, p, batch);
        this.wNorm = spectralNorm(w);
        this.uNorm = spectralNorm(u);
    }

    static double spectralNorm(Tensor a) {
        return LinearAlgebra.current().svd(a).s().max();
    }

    Tensor[] inputs() {
        return new Tensor[]{x, w, u, b};
    }

    static Var apply(DeqLayer layer, Var[] in) {
        return layer.apply(in[0], in[1], in[2], in[3]);
    }
}
