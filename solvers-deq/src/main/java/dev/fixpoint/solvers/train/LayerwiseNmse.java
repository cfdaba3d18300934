package dev.fixpoint.solvers.train;

import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.unroll.UnrolledNetwork;
import java.util.List;

/**
 * The NMSE of every layer of an unrolled network on a fixed set of examples (usually the test set):
 * {@code NMSE_k(dB) = 10·log10(Σ‖x̂_k − x‖² / Σ‖x‖²)}, the sums over all examples (a ratio of totals,
 * as {@link dev.fixpoint.solvers.sparse.Nmse}). Runs the network once in inference mode.
 */
public final class LayerwiseNmse {
    private LayerwiseNmse() {
    }

    /**
     * @param network the network (not modified)
     * @param set     input and target of the examples
     * @return NMSE in dB of layers 1 … K, at index 0 … K−1
     * @throws FixpointException {@code [fixpoint/NonFinite]} naming the layer if an output is not finite
     */
    public static double[] decibels(UnrolledNetwork network, TrainingBatch set) {
        List<Var> outs = network.forward(null, Var.constant(set.input()));
        double[] db = new double[outs.size()];
        for (int k = 0; k < db.length; k++) {
            db[k] = 10 * Math.log10(ratio(outs.get(k).value(), set.target(), network.architecture() + " layer " + (k + 1)));
        }
        return db;
    }

    /**
     * @param context names the estimate in the error message
     * @return Σ(estimate − target)² / Σ target²
     */
    static double ratio(Tensor estimate, Tensor target, String context) {
        if (!estimate.sameShape(target)) {
            throw new ShapeMismatchException(context, estimate.shape(), target.shape(), "the output has the target's shape");
        }
        double[] e = estimate.data();
        double[] t = target.data();
        int eo = estimate.offset();
        int to = target.offset();
        double err = 0;
        double ref = 0;
        for (int i = 0; i < target.size(); i++) {
            double d = e[eo + i] - t[to + i];
            err += d * d;
            ref += t[to + i] * t[to + i];
        }
        if (!(ref > 0)) {
            throw new FixpointException("InvalidInput", context + ": the NMSE is undefined because the target is zero");
        }
        if (!Double.isFinite(err)) {
            throw new FixpointException("NonFinite", context + ": the output contains NaN or Inf (squared error " + err + ")");
        }
        return err / ref;
    }
}
