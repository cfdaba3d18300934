package dev.fixpoint.bio.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.bio.GradientMethod;
import dev.fixpoint.bio.petab.PetabBoundedProblem;
import dev.fixpoint.bio.petab.PetabObjective;
import dev.fixpoint.bio.petab.PetabProblem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Levenberg–Marquardt on the residuals of Boehm_JProteomeRes2014 from the first of 20 Latin-hypercube starts (seed 1),
 * where the objective starts at 1.5·10¹²: σ starts near its lower bound, so the σ columns of J are huge at first and
 * shrink by orders of magnitude as σ grows. With MINPACK's running-maximum scaling D = max_k diag(JₖᵀJₖ) the σ
 * variables stay damped by their first Jacobian and the run crawls (1000 iterations ended at NLL 5·10⁸); with the
 * current diag(JᵀJ) it converges to a local optimum in well under 200 iterations.
 */
class BoehmLevenbergMarquardtTest {

    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");
    private static final Path BOEHM = Path.of("src/main/resources/dev/fixpoint/bio/petab/benchmark/"
            + "Boehm_JProteomeRes2014/Boehm_JProteomeRes2014.yaml");

    @Test
    void currentDiagonalScalingConvergesWhereTheRunningMaximumCrawls() {
        PetabProblem problem = PetabProblem.load(BOEHM);
        PetabBoundedProblem p = new PetabBoundedProblem(new PetabObjective(problem), GradientMethod.FORWARD);
        double[] x0 = LatinHypercube.sample(20, p.lower(), p.upper(), 1L)[0];
        LeastSquaresProblem ls = p.leastSquares();

        long t0 = System.nanoTime();
        OptimizerResult fixed = new LevenbergMarquardt(OptimizerOptions.defaults().withMaxIterations(200)).minimize(ls, x0);
        double seconds = (System.nanoTime() - t0) / 1e9;
        OptimizerResult frozen = new LevenbergMarquardt(OptimizerOptions.defaults().withMaxIterations(100), true)
                .minimize(ls, x0);
        RESULTS.info("Boehm LM start 0 of 20 (seed 1): current diag(JᵀJ) {} NLL {} after {} iterations, {} evaluations, "
                + "{} s; running-maximum scaling NLL {} after {} iterations", fixed.status(), fixed.value(),
                fixed.iterations(), fixed.evaluations(), seconds, frozen.value(), frozen.iterations());
        assertTrue(fixed.converged(), fixed.message());
        assertEquals(145.7594, fixed.value(), 1e-3, "the local optimum this start reaches");
        assertTrue(frozen.value() > 1e6, "running-maximum scaling still far off after 100 iterations: " + frozen.value());
    }
}
