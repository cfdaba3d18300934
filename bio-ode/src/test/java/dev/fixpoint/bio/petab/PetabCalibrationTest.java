package dev.fixpoint.bio.petab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.bio.GradientMethod;
import dev.fixpoint.bio.fit.OptimizerResult;
import dev.fixpoint.bio.fit.ProjectedLbfgs;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounded L-BFGS with adjoint gradients on Boehm, from the nominal parameters moved by a seeded uniform ±0.5 on
 * their log10 scales, returns to the benchmark optimum (NLL ≤ 138.223; the nominal parameters give 138.22200).
 */
class PetabCalibrationTest {

    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    @Test
    void boehmFromAPerturbedStartReachesTheOptimum() {
        String name = "Boehm_JProteomeRes2014";
        PetabProblem problem = PetabProblem.load(PetabObjectiveTest.DATA.resolve(name).resolve(name + ".yaml"));
        PetabBoundedProblem f = new PetabBoundedProblem(new PetabObjective(problem), GradientMethod.ADJOINT);
        double[] x0 = f.objective().nominalScaled();
        Random rng = new Random(7);
        for (int i = 0; i < x0.length; i++) {
            x0[i] = Math.max(f.lower()[i], Math.min(f.upper()[i], x0[i] + rng.nextDouble() - 0.5));
        }
        assertEquals(9, f.dimension());
        long t0 = System.nanoTime();
        OptimizerResult r = new ProjectedLbfgs().minimize(f, x0);
        RESULTS.info("boehm L-BFGS from nominal ± 0.5: NLL {} ({}, {} iterations, {} evaluations, |proj. grad| {}), {} s",
                r.value(), r.status(), r.iterations(), r.evaluations(), r.projectedGradientNorm(),
                (System.nanoTime() - t0) / 1e9);
        assertTrue(r.value() <= 138.223, "NLL " + r.value());
        assertTrue(r.projectedGradientNorm() < 1e-2, "projected gradient " + r.projectedGradientNorm());
    }
}
