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
 * The trust-region reflective method on the residuals of Boehm_JProteomeRes2014 from the first of 20 Latin-hypercube
 * starts (seed 1). Pure Gauss–Newton crawls along a curved valley near the local optimum at NLL 145.7594 (ρ stays
 * between ¼ and ¾ at tiny radii: the GN model misses the residual curvature; 1000 iterations end at 145.785); the
 * hybrid Hessian adds the structured-secant correction once GN stalls and converges in a few dozen iterations.
 */
class BoehmTrustRegionTest {

    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");
    private static final Path BOEHM = Path.of("src/main/resources/dev/fixpoint/bio/petab/benchmark/"
            + "Boehm_JProteomeRes2014/Boehm_JProteomeRes2014.yaml");

    @Test
    void hybridHessianConvergesWhereGaussNewtonCrawls() {
        PetabProblem problem = PetabProblem.load(BOEHM);
        PetabBoundedProblem p = new PetabBoundedProblem(new PetabObjective(problem), GradientMethod.FORWARD);
        double[] x0 = LatinHypercube.sample(20, p.lower(), p.upper(), 1L)[0];
        LeastSquaresProblem ls = p.leastSquares();

        long t0 = System.nanoTime();
        OptimizerResult hybrid = new TrustRegionReflective(OptimizerOptions.defaults().withMaxIterations(200),
                TrustRegionReflective.Hessian.HYBRID).minimize(ls, x0);
        double seconds = (System.nanoTime() - t0) / 1e9;
        OptimizerResult gn = new TrustRegionReflective(OptimizerOptions.defaults().withMaxIterations(100),
                TrustRegionReflective.Hessian.GAUSS_NEWTON).minimize(ls, x0);
        RESULTS.info("Boehm trust region start 0 of 20 (seed 1): hybrid {} NLL {} after {} iterations, {} evaluations, "
                + "{} s; Gauss–Newton NLL {} after {} iterations", hybrid.status(), hybrid.value(), hybrid.iterations(),
                hybrid.evaluations(), seconds, gn.value(), gn.iterations());
        assertTrue(hybrid.converged(), hybrid.message());
        assertTrue(hybrid.iterations() <= 100, "hybrid iterations " + hybrid.iterations());
        assertEquals(145.7594, hybrid.value(), 1e-3, "the local optimum this start reaches");
        assertTrue(gn.value() > 145.8, "Gauss–Newton still crawling after 100 iterations: " + gn.value());
    }
}
