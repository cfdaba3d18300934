package dev.fixpoint.bio.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For f = ½ xᵀAx the profile of x_i is min over the others = ½ x_i² / (A⁻¹)_ii (the Schur complement of A's other
 * block is 1/(A⁻¹)_ii), so f − f̂ = c at x_i = ±√(2c (A⁻¹)_ii).
 */
class ProfileLikelihoodTest {

    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");
    private static final int N = 4;
    private static final double[][] A = TestProblems.spd(N, 21);
    private static final Optimizer INNER = new ProjectedLbfgs(OptimizerOptions.defaults().withGradientTolerance(1e-10)
            .withValueTolerance(0), 10);

    static Supplier<BoundedProblem> quadratic(double[] lo, double[] up) {
        return () -> new TestProblems.Quadratic(A, new double[N], lo, up);
    }

    /** @return (A⁻¹)_ii from a Cholesky solve with the unit vector e_i */
    static double inverseDiagonal(int i) {
        double[][] a = new double[N][];
        for (int r = 0; r < N; r++) {
            a[r] = A[r].clone();
        }
        double[] e = new double[N];
        e[i] = 1;
        assertTrue(DenseCholesky.solve(a, e, N));
        return e[i];
    }

    @Test
    void quadraticProfilesGiveTheExactIntervalsInParallel(@TempDir Path dir) throws Exception {
        ProfileOptions options = ProfileOptions.defaults();
        ProfileLikelihood pl = new ProfileLikelihood(INNER, quadratic(TestProblems.fill(N, -10), TestProblems.fill(N, 10)),
                options);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Profile> profiles;
        try {
            profiles = pl.profiles(new int[] {0, 1, 2, 3}, new double[N], pool);
        } finally {
            pool.shutdown();
        }
        double worst = 0;
        for (Profile p : profiles) {
            double exact = Math.sqrt(2 * options.threshold() * inverseDiagonal(p.parameter()));
            assertTrue(p.lowerReached() && p.upperReached());
            double errLower = Math.abs(p.lower() + exact) / exact;
            double errUpper = Math.abs(p.upper() - exact) / exact;
            worst = Math.max(worst, Math.max(errLower, errUpper));
            RESULTS.info("profile of x_{} on ½xᵀAx: [{}, {}], exact ±{}, relative errors {} / {}, {} points, {} evaluations",
                    p.parameter(), p.lower(), p.upper(), exact, errLower, errUpper, p.points().size(), p.evaluations());
            assertEquals(-exact, p.lower(), 1e-3 * exact, "lower end of x_" + p.parameter());
            assertEquals(exact, p.upper(), 1e-3 * exact, "upper end of x_" + p.parameter());
            for (ProfilePoint q : p.points()) {
                double expected = 0.5 * q.theta() * q.theta() / inverseDiagonal(p.parameter());
                assertEquals(expected, q.delta(), 1e-8, "profile value at θ = " + q.theta());
                assertEquals(q.theta(), q.x()[p.parameter()], 0.0);
            }
        }
        RESULTS.info("profile of ½xᵀAx (n = {}): worst relative interval error {}", N, worst);

        Path points = dir.resolve("points.tsv");
        Path intervals = dir.resolve("intervals.tsv");
        ProfileLikelihood.save(profiles, List.of("a", "b", "c", "d"), points, intervals);
        List<String> rows = Files.readAllLines(intervals);
        assertEquals(5, rows.size());
        assertTrue(rows.get(1).startsWith("0\ta\t"), rows.get(1));
        assertEquals(1 + profiles.stream().mapToInt(p -> p.points().size()).sum(), Files.readAllLines(points).size());
    }

    /** Without secant refinement the adaptive step alone keeps linear interpolation within 1e-3 relative. */
    @Test
    void withoutRefinementTheIntervalIsStillWithinTheTolerance() {
        ProfileOptions options = new ProfileOptions(ProfileOptions.CHI2_95_HALF, 0.005, 1e-5, 0.1, 100, 0);
        ProfileLikelihood pl = new ProfileLikelihood(INNER, quadratic(TestProblems.fill(N, -10), TestProblems.fill(N, 10)),
                options);
        for (int i = 0; i < N; i++) {
            Profile p = pl.profile(i, new double[N]);
            double exact = Math.sqrt(2 * options.threshold() * inverseDiagonal(i));
            RESULTS.info("profile of x_{} without refinement: relative errors {} / {}", i,
                    Math.abs(p.lower() + exact) / exact, Math.abs(p.upper() - exact) / exact);
            assertEquals(-exact, p.lower(), 1e-3 * exact);
            assertEquals(exact, p.upper(), 1e-3 * exact);
        }
    }

    @Test
    void aBoundInsideTheIntervalLeavesThatSideOpen() {
        double exact = Math.sqrt(2 * ProfileOptions.CHI2_95_HALF * inverseDiagonal(0));
        double[] up = TestProblems.fill(N, 10);
        up[0] = 0.5 * exact;
        Profile p = new ProfileLikelihood(INNER, quadratic(TestProblems.fill(N, -10), up), ProfileOptions.defaults())
                .profile(0, new double[N]);
        assertFalse(p.upperReached());
        assertEquals(Double.POSITIVE_INFINITY, p.upper());
        assertEquals(up[0], p.points().get(p.points().size() - 1).theta(), 0.0, "the last point is on the bound");
        assertTrue(p.lowerReached());
        assertEquals(-exact, p.lower(), 1e-3 * exact);
    }

    /**
     * The profile of the decay rate k in the exponential fit: with a least-squares problem the inner problem is again
     * least squares, so Levenberg–Marquardt re-optimises it; its interval agrees with the one L-BFGS finds.
     */
    @Test
    void levenbergMarquardtProfilesLeastSquaresProblems() {
        Supplier<BoundedProblem> decay = () -> new LeastSquaresObjective(new LevenbergMarquardtTest.ExponentialDecay(
                new double[] {0, 0.01, -5}, new double[] {10, 5, 5}));
        double[] optimum = LevenbergMarquardtTest.TRUE;
        Profile lm = new ProfileLikelihood(new LevenbergMarquardt(OptimizerOptions.defaults().withGradientTolerance(1e-10)),
                decay, ProfileOptions.defaults()).profile(1, optimum);
        Profile lbfgs = new ProfileLikelihood(INNER, decay, ProfileOptions.defaults()).profile(1, optimum);
        RESULTS.info("profile of k (exponential decay): LM [{}, {}] with {} evaluations, L-BFGS [{}, {}] with {} evaluations",
                lm.lower(), lm.upper(), lm.evaluations(), lbfgs.lower(), lbfgs.upper(), lbfgs.evaluations());
        assertTrue(lm.lowerReached() && lm.upperReached());
        assertTrue(lm.lower() < 0.7 && lm.upper() > 0.7);
        assertEquals(lbfgs.lower(), lm.lower(), 1e-4 * 0.7);
        assertEquals(lbfgs.upper(), lm.upper(), 1e-4 * 0.7);
    }

    @Test
    void badInputIsRejected() {
        ProfileLikelihood pl = new ProfileLikelihood(INNER, quadratic(TestProblems.fill(N, -1), TestProblems.fill(N, 1)),
                ProfileOptions.defaults());
        FixpointException e = assertThrows(FixpointException.class, () -> pl.profile(4, new double[N]));
        assertTrue(e.getMessage().startsWith("[fixpoint/InvalidParameter]") && e.getMessage().contains("= 4"),
                e.getMessage());
        e = assertThrows(FixpointException.class, () -> pl.profile(0, new double[3]));
        assertTrue(e.getMessage().startsWith("[fixpoint/ShapeMismatch]"), e.getMessage());
        e = assertThrows(FixpointException.class, () -> ProfileOptions.defaults().withThreshold(-1));
        assertTrue(e.getMessage().contains("threshold = -1.0"), e.getMessage());
    }
}
