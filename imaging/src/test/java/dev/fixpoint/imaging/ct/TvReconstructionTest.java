package dev.fixpoint.imaging.ct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.imaging.metrics.Psnr;
import dev.fixpoint.imaging.metrics.Ssim;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.StoppingCriteria;
import dev.fixpoint.solvers.iterative.Cgls;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The acceptance setting of the learned primal-dual paper ({@link CtProblem#learnedPrimalDualSetting()}): FBP
 * figures, SIRT, CGLS, and TV (λ = 2) by PDHG from FBP, 1000 iterations.
 */
class TvReconstructionTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");
    private static CtProblem problem;
    private static Tensor fbp;

    @BeforeAll
    static void setting() {
        problem = CtProblem.learnedPrimalDualSetting();
        fbp = FilteredBackProjection.of(problem.geometry(), ReconstructionFilter.HANN).reconstruct(problem.noisy());
    }

    private static double psnr(Tensor x) {
        return Psnr.of(problem.truth(), x, 1.0);
    }

    private static double ssim(Tensor x) {
        return Ssim.of(problem.truth(), x, 1.0);
    }

    @Test
    void fbpFiguresOfTheSetting() {
        for (ReconstructionFilter f : ReconstructionFilter.values()) {
            Tensor x = FilteredBackProjection.of(problem.geometry(), f).reconstruct(problem.noisy());
            RESULTS.info("CT LPD setting FBP {}: PSNR {} dB, SSIM {}", f, psnr(x), ssim(x));
            assertTrue(psnr(x) > 14 && psnr(x) < 25, f + " PSNR " + psnr(x));
        }
        assertTrue(psnr(fbp) > 19, "Hann FBP PSNR " + psnr(fbp));
    }

    @Test
    void tvWithDiagonalPreconditioningReachesTheAcceptanceThresholds() {
        SolverResult r = new TvReconstruction(problem.transform(), 2.0, true, StoppingCriteria.fixedIterations(1000),
                null).solve(problem.noisy(), fbp);
        RESULTS.info("CT LPD setting TV λ = 2, PDHG diagonally preconditioned, 1000 iterations from FBP (Hann): PSNR {} "
                + "dB, SSIM {}, objective {}, {} s", psnr(r.solution()), ssim(r.solution()), r.finalObjective(),
                r.elapsedSeconds());
        assertEquals(1000, r.iterations());
        assertTrue(psnr(r.solution()) >= 28.0, "PSNR " + psnr(r.solution()));
        assertTrue(ssim(r.solution()) >= 0.92, "SSIM " + ssim(r.solution()));
        assertTrue(r.solution().min() >= 0, "non-negativity");
        double[] obj = r.objectiveHistory();
        assertTrue(obj[obj.length - 1] < 0.5 * obj[0], "objective " + obj[0] + " → " + obj[obj.length - 1]);
    }

    @Test
    void tvWithBalancedScalarStepsReachesTheThresholdsAndEqualStepsDoNot() {
        SolverResult balanced = TvReconstruction.withStepRatio(problem.transform(), 2.0, 0.03,
                StoppingCriteria.fixedIterations(1000), null).solve(problem.noisy(), fbp);
        SolverResult equal = new TvReconstruction(problem.transform(), 2.0, false,
                StoppingCriteria.fixedIterations(1000), null).solve(problem.noisy(), fbp);
        RESULTS.info("CT LPD setting TV λ = 2, PDHG scalar steps τ = ρ·0.99/‖K‖, σ = 0.99/(ρ‖K‖), 1000 iterations: "
                + "ρ = 0.03: PSNR {} dB, SSIM {}, objective {}; ρ = 1: PSNR {} dB, SSIM {}, objective {}",
                psnr(balanced.solution()), ssim(balanced.solution()), balanced.finalObjective(),
                psnr(equal.solution()), ssim(equal.solution()), equal.finalObjective());
        assertTrue(psnr(balanced.solution()) >= 28.0, "PSNR " + psnr(balanced.solution()));
        assertTrue(ssim(balanced.solution()) >= 0.92, "SSIM " + ssim(balanced.solution()));
        // τ = σ is far from the minimum after 1000 iterations (the reason for preconditioning)
        assertTrue(equal.finalObjective() > balanced.finalObjective());
    }

    @Test
    void sirtAndCglsImproveOnTheirStartAndStayFinite() {
        SolverResult sirt = new Sirt(problem.transform(), true, StoppingCriteria.fixedIterations(100), null)
                .solve(problem.noisy(), null);
        SolverResult cgls = Cgls.builder(problem.transform(), problem.noisy())
                .stopping(StoppingCriteria.fixedIterations(15)).build().solve(null);
        RESULTS.info("CT LPD setting SIRT (100 iterations, x ≥ 0): PSNR {} dB, SSIM {}; CGLS (15 iterations): PSNR {} "
                + "dB, SSIM {}", psnr(sirt.solution()), ssim(sirt.solution()), psnr(cgls.solution()),
                ssim(cgls.solution()));
        assertTrue(psnr(sirt.solution()) > 20, "SIRT PSNR " + psnr(sirt.solution()));
        assertTrue(psnr(cgls.solution()) > 18, "CGLS PSNR " + psnr(cgls.solution()));
        double[] res = sirt.residualHistory();
        assertTrue(res[res.length - 1] < 0.2 * res[0], "SIRT data residual " + res[0] + " → " + res[res.length - 1]);
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(FixpointException.class, () -> new TvReconstruction(problem.transform(), -1, true,
                StoppingCriteria.fixedIterations(1), null));
        assertThrows(FixpointException.class, () -> TvReconstruction.withStepRatio(problem.transform(), 1, 0,
                StoppingCriteria.fixedIterations(1), null));
        Tensor bad = problem.noisy().copy();
        bad.set(Double.POSITIVE_INFINITY, 0, 0);
        FixpointException e = assertThrows(FixpointException.class, () -> new TvReconstruction(problem.transform(), 1,
                true, StoppingCriteria.fixedIterations(1), null).solve(bad, null));
        assertTrue(e.getMessage().contains("NonFinite"), e.getMessage());
        assertThrows(FixpointException.class, () -> CtNoise.gaussian(problem.clean(), -0.1, 1));
        assertThrows(FixpointException.class, () -> CtNoise.poisson(problem.clean(), 0, 0.01, 1));
    }

    @Test
    void poissonNoiseHasTheTransmissionStatistics() {
        Tensor clean = problem.clean();
        double mu = 2.0 / clean.max();
        Tensor low = CtNoise.poisson(clean, 1e4, mu, 3);
        Tensor high = CtNoise.poisson(clean, 1e6, mu, 3);
        double errLow = low.sub(clean).norm();
        double errHigh = high.sub(clean).norm();
        RESULTS.info("Poisson noise on the LPD sinogram (μ·max p = 2): relative error {} at I₀ = 1e4, {} at I₀ = 1e6",
                errLow / clean.norm(), errHigh / clean.norm());
        // the standard deviation scales like 1/√I₀: a factor 10 between the two doses
        assertEquals(10.0, errLow / errHigh, 1.0);
        assertEquals(low, CtNoise.poisson(clean, 1e4, mu, 3));
    }

    @Test
    void poissonSamplesHaveTheRightMeanAndVariance() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(9);
        for (double mean : new double[]{3.5, 40, 1e4}) {
            int n = 200_000;
            double s1 = 0;
            double s2 = 0;
            for (int i = 0; i < n; i++) {
                double k = CtNoise.poissonSample(rng, mean);
                s1 += k;
                s2 += k * k;
            }
            double m = s1 / n;
            double var = s2 / n - m * m;
            // standard errors: √(mean/n) for the mean, about mean·√(2/n) for the variance
            assertEquals(mean, m, 5 * Math.sqrt(mean / n), "mean at " + mean);
            assertEquals(mean, var, 5 * mean * Math.sqrt(2.0 / n), "variance at " + mean);
        }
    }
}
