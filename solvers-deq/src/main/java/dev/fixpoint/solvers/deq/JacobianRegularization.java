package dev.fixpoint.solvers.deq;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The Jacobian regulariser of deep equilibrium models (Bai, Koltun &amp; Kolter 2021): a Hutchinson
 * estimate of {@code ‖∂f/∂z‖²_F} at the equilibrium, differentiable with respect to the inputs and
 * parameters of {@code f}, to be added to the training loss so that f stays well conditioned.
 *
 * <p>With ε ~ N(0, I) of shape {@code [d, B]}, {@code E‖εᵀJ‖² = ‖J‖²_F}; each probe costs one VJP
 * recorded with {@code createGraph}, so the result can be backpropagated (second-order through f; the
 * operations of f need variable VJPs). The equilibrium {@code z*} is treated as a constant.
 */
public final class JacobianRegularization {
    private JacobianRegularization() {
    }

    /**
     * @param f          the equilibrium map
     * @param zStar      the equilibrium {@code [d, B]} (a constant; e.g. the value of the layer's output)
     * @param x          inputs {@code [p, B]}
     * @param parameters θ, on the same live tape as {@code x} (at least one of them requires a gradient)
     * @param probes     number of Hutchinson probes, in [1, 10000]
     * @param rng        source of the Gaussian probes
     * @return a scalar variable: the estimate of {@code (1/B) Σ_s ‖∂f_s/∂z_s‖²_F}, the mean over samples
     */
    public static Var hutchinson(EquilibriumFunction f, Tensor zStar, Var x, Var[] parameters, int probes,
                                 RandomGenerator rng) {
        if (probes < 1 || probes > 10_000) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] probes must be in [1, 10000], got " + probes);
        }
        if (zStar.rank() != 2) {
            throw new ShapeMismatchException("Jacobian regularisation: z* must be [d, B], got " + Arrays.toString(zStar.shape()));
        }
        Tape tape = x.requiresGrad() ? x.tape() : null;
        for (Var p : parameters) {
            if (tape == null && p.requiresGrad()) {
                tape = p.tape();
            }
        }
        if (tape == null) {
            throw new FixpointException("NotOnTape", "Jacobian regularisation: neither x nor any parameter is on a tape, "
                    + "so the penalty would have no gradient");
        }
        Var z = tape.variable(zStar.copy());
        Var out = f.apply(z, x, parameters);
        if (!Arrays.equals(out.shape(), zStar.shape())) {
            throw new ShapeMismatchException("Jacobian regularisation f(z*)", out.shape(), zStar.shape(), "f must return z's shape");
        }
        Var[] wrt = {z};
        Var total = null;
        for (int k = 0; k < probes; k++) {
            Tensor eps = Tensor.randn(rng, zStar.shape());
            Var v = tape.gradients(out, eps, wrt, true)[0];
            Var sq = Ops.sum(Ops.mul(v, v));
            total = total == null ? sq : Ops.add(total, sq);
        }
        return Ops.scale(total, 1.0 / ((double) probes * zStar.dim(1)));
    }
}
