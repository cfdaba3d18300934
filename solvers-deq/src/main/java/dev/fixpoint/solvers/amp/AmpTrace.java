package dev.fixpoint.solvers.amp;

import dev.fixpoint.solvers.SolverResult;

/**
 * Per-iteration record of an AMP run ({@link Amp#trace}). Index {@code t − 1} of each array is
 * iteration {@code t} (estimate x^t), so the arrays can be compared entry by entry with
 * {@link StateEvolution.Trajectory#nmse()} and {@link StateEvolution.Trajectory#tau()}. The arrays
 * are owned by the record and must not be modified; their length is the number of iterations done.
 *
 * @param result       the solver result (solution x^T, status, iterations)
 * @param nmse         {@code Σ_j‖x_j^t − x_j‖² / Σ_j‖x_j‖²} over the batch (linear scale; the
 *                     project's ratio-of-totals convention); NaN without a truth
 * @param sampleNmse   {@code [t − 1][j]}: {@code ‖x_j^t − x_j‖² / ‖x_j‖²} of sample (column) j
 *                     (NaN without a truth, or for a zero sample)
 * @param tau          the RMS over columns of τ̂_{t−1} = ‖z^{t−1}‖₂/√m, the noise level that set the
 *                     threshold of iteration t (compare with state evolution's τ_{t−1})
 */
public record AmpTrace(SolverResult result, double[] nmse, double[][] sampleNmse, double[] tau) {

    /** @return {@link #nmse()} in dB, {@code 10·log10} */
    public double[] nmseDb() {
        double[] db = new double[nmse.length];
        for (int i = 0; i < db.length; i++) {
            db[i] = 10 * Math.log10(nmse[i]);
        }
        return db;
    }

    /**
     * The mean over samples of each sample's NMSE in dB, per iteration: the typical sample. Unlike
     * the ratio of totals it is not dominated by the worst samples (per-sample NMSE at a fixed
     * iteration is roughly log-normal across samples, so the ratio of totals sits above it by about
     * {@code σ²·ln(10)/20} dB for a per-sample spread of σ dB).
     *
     * @return per iteration, {@code mean_j 10·log10(sampleNmse[t − 1][j])} (NaN if any sample is NaN)
     */
    public double[] meanSampleNmseDb() {
        double[] db = new double[sampleNmse.length];
        for (int t = 0; t < db.length; t++) {
            double s = 0;
            for (double v : sampleNmse[t]) {
                s += 10 * Math.log10(v);
            }
            db[t] = s / sampleNmse[t].length;
        }
        return db;
    }
}
