package dev.fixpoint.imaging.mri;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.LinearOperator;
import dev.fixpoint.operators.LinearOperators;
import dev.fixpoint.operators.Operators;
import dev.fixpoint.operators.ProximalFunction;
import dev.fixpoint.operators.WaveletFamily;
import dev.fixpoint.operators.prox.Proximals;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.SolverStatus;
import dev.fixpoint.solvers.StoppingCriteria;
import dev.fixpoint.solvers.iterative.ConjugateGradient;
import dev.fixpoint.solvers.iterative.LeastSquares;
import dev.fixpoint.solvers.iterative.PrimalDualHybridGradient;
import dev.fixpoint.solvers.iterative.ProximalGradient;
import dev.fixpoint.solvers.iterative.StepSize;
import java.util.Arrays;

/**
 * Reconstructions from Cartesian k-space {@code y} with a forward model {@code A} of
 * {@link MriOperators} ({@code ‖A‖ ≤ 1} when the coil maps satisfy {@code Σ|S|² = 1}). All take the
 * measured k-space unmodified and reject non-finite data with {@code [fixpoint/NonFinite]}.
 * <ul>
 *   <li>{@link #zeroFilled}: {@code Aᴴy} (unsampled k-space taken as zero; for multi-coil models the
 *       sensitivity-weighted coil combination {@code Σ conj(S_c)·F⁻¹y_c}).</li>
 *   <li>{@link #sense}: conjugate gradients on the normal equations {@code (AᴴA + μI)x = Aᴴy}
 *       (CG-SENSE; μ ≥ 0 a small Tikhonov weight).</li>
 *   <li>{@link #waveletL1}: {@code min ½‖Ax − y‖² + λ Σ_j w_j|(Ψx)_j|} with Ψ an orthonormal periodic
 *       wavelet transform applied to real and imaginary parts, {@code |·|} the complex modulus, and
 *       {@code w_j = 0} on the coarsest approximation band, 1 elsewhere; solved by FISTA over the
 *       coefficients {@code z = Ψx} with step 1 ({@code L = ‖AΨᴴ‖² ≤ 1}).</li>
 *   <li>{@link #totalVariation}: {@code min ½‖Ax − y‖² + λ Σ_pixels ‖∇x‖₂} (isotropic TV over the real
 *       and imaginary parts of both gradient components), solved by PDHG on {@code K = [A; ∇]}.</li>
 * </ul>
 * λ is in the units of the k-space data (the data term is not normalised by the number of samples).
 */
public final class MriReconstructions {
    private MriReconstructions() {
    }

    /** @return the zero-filled reconstruction {@code Aᴴy} */
    public static MriReconstruction zeroFilled(LinearOperator model, Tensor kspace) {
        long t0 = System.nanoTime();
        requireData(model, kspace);
        Tensor x = model.adjoint(kspace);
        return new MriReconstruction("zero-filled", x, 0, SolverStatus.CONVERGED, 0, seconds(t0));
    }

    /**
     * @param ridge    Tikhonov weight μ ≥ 0
     * @param stopping CG stopping rule (residual {@code ‖b − (AᴴA + μI)x‖/‖b‖})
     * @return CG-SENSE started from zero
     */
    public static MriReconstruction sense(LinearOperator model, Tensor kspace, double ridge, StoppingCriteria stopping) {
        long t0 = System.nanoTime();
        requireData(model, kspace);
        nonNegative("SENSE ridge μ", ridge);
        LinearOperator normal = model.normal();
        if (ridge > 0) {
            normal = normal.plus(Operators.identity(model.domainShape()).times(ridge));
        }
        SolverResult r = ConjugateGradient.builder(normal, model.adjoint(kspace)).stopping(stopping).build().solve(null);
        return result("sense", r, t0);
    }

    /**
     * @param lambda   ℓ1 weight λ ≥ 0
     * @param family   wavelet family (e.g. {@link WaveletFamily#DAUBECHIES4})
     * @param levels   decomposition levels (h and w divisible by {@code 2^levels})
     * @param stopping FISTA stopping rule (gradient-mapping residual)
     * @return the wavelet-ℓ1 reconstruction {@code x = Ψᴴz}, FISTA started from the zero-filled image
     */
    public static MriReconstruction waveletL1(LinearOperator model, Tensor kspace, double lambda, WaveletFamily family,
                                              int levels, StoppingCriteria stopping) {
        long t0 = System.nanoTime();
        requireData(model, kspace);
        nonNegative("wavelet-ℓ1 λ", lambda);
        int h = model.domainShape()[0];
        int w = model.domainShape()[1];
        LinearOperator psi = MriOperators.complexWavelet(h, w, family, levels);
        LinearOperator synthesis = psi.transposed();
        LeastSquares data = LeastSquares.of(model.compose(synthesis), kspace).withLipschitz(1.0);
        int[][] groups = new int[h * w][];
        double[] weights = new double[h * w];
        int ah = h >> levels;
        int aw = w >> levels;
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                int p = i * w + j;
                groups[p] = new int[]{2 * p, 2 * p + 1};
                weights[p] = i < ah && j < aw ? 0 : 1;
            }
        }
        ProximalFunction l1 = Proximals.groupL1(lambda, new int[]{h, w, 2}, groups, weights);
        Tensor z0 = psi.apply(model.adjoint(kspace));
        SolverResult r = ProximalGradient.fista(data, l1).step(StepSize.fixed(1.0)).stopping(stopping).build().solve(z0);
        Tensor x = synthesis.apply(r.solution());
        return new MriReconstruction("cs-wavelet", x, r.iterations(), r.status(), r.finalResidual(), seconds(t0));
    }

    /**
     * @param lambda   TV weight λ ≥ 0
     * @param stopping PDHG stopping rule (primal–dual residual)
     * @return the TV reconstruction, PDHG started from the zero-filled image (dual from zero), with
     *         scalar steps {@code τ = σ = 0.99/B}, where
     *         {@code B = √(‖A‖² + 8) ≥ ‖K‖} (‖A‖ = 1 for normalised coil maps, else a power-iteration estimate)
     */
    public static MriReconstruction totalVariation(LinearOperator model, Tensor kspace, double lambda,
                                                   StoppingCriteria stopping) {
        long t0 = System.nanoTime();
        requireData(model, kspace);
        nonNegative("TV λ", lambda);
        int h = model.domainShape()[0];
        int w = model.domainShape()[1];
        LinearOperator grad = MriOperators.complexGradient(h, w);
        // ‖K‖² ≤ ‖A‖² + ‖∇‖² < 1 + 8 (‖A‖ ≤ 1 for normalised coil maps, checked once below)
        double modelNorm = modelNormBound(model);
        double kNorm = Math.sqrt(modelNorm * modelNorm + 8);
        LinearOperator k = LinearOperators.vstack(model, grad);
        int n = h * w;
        int[][] groups = new int[n][];
        for (int p = 0; p < n; p++) {
            groups[p] = new int[]{2 * p, 2 * p + 1, 2 * (n + p), 2 * (n + p) + 1};
        }
        ProximalFunction fit = Proximals.squaredL2(1.0).shifted(kspace);
        ProximalFunction tv = Proximals.groupL1(lambda, grad.rangeShape(), groups);
        ProximalFunction f = Proximals.separable(new int[][]{model.rangeShape(), grad.rangeShape()}, fit, tv);
        PrimalDualHybridGradient pdhg = PrimalDualHybridGradient.builder(Proximals.zero(), f, k)
                .operatorNorm(kNorm).steps(0.99 / kNorm, 0.99 / kNorm).stopping(stopping).build();
        SolverResult r = pdhg.solve(model.adjoint(kspace), null);
        return result("cs-tv", r, t0);
    }

    /** @return 1 for the models of {@link MriOperators} (coil maps with Σ|S|² = 1), else a power-iteration estimate ×1.01 */
    private static double modelNormBound(LinearOperator model) {
        if (model instanceof CartesianFourier cf && cf.normalisedCoils()) {
            return 1.0;
        }
        return 1.01 * model.normEstimate(1e-6, 10_000);
    }

    private static MriReconstruction result(String method, SolverResult r, long t0) {
        return new MriReconstruction(method, r.solution(), r.iterations(), r.status(), r.finalResidual(), seconds(t0));
    }

    static void requireData(LinearOperator model, Tensor kspace) {
        if (!Arrays.equals(kspace.shape(), model.rangeShape())) {
            throw new dev.fixpoint.core.ShapeMismatchException("MRI reconstruction: k-space vs range of " + model.name(),
                    kspace.shape(), model.rangeShape(), "the k-space must have the forward model's range shape");
        }
        kspace.requireFinite("MRI reconstruction: k-space data");
    }

    private static void nonNegative(String what, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new FixpointException("InvalidParameter", what + " = " + v + " must be finite and ≥ 0");
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) * 1e-9;
    }
}
