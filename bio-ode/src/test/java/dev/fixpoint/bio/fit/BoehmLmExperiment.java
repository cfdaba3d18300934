package dev.fixpoint.bio.fit;

import dev.fixpoint.bio.GradientMethod;
import dev.fixpoint.bio.petab.PetabBoundedProblem;
import dev.fixpoint.bio.petab.PetabObjective;
import dev.fixpoint.bio.petab.PetabProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measurement, not a unit test (runs only with {@code -Dlmexp=lm|lbfgs}): one optimiser on Boehm_JProteomeRes2014 from
 * the rows of a seeded Latin-hypercube sample, logging per start the final NLL, iterations, evaluations and seconds
 * to {@code dev.fixpoint.results}. LM works on the residuals with forward-sensitivity Jacobians, L-BFGS on the NLL
 * with adjoint gradients, both with {@link OptimizerOptions#defaults()}. Properties: {@code lmexp.starts} (20),
 * {@code lmexp.seed} (1), {@code lmexp.only} (comma-separated start indices), {@code lmexp.threads} (2).
 */
@EnabledIfSystemProperty(named = "lmexp", matches = "lm|lbfgs")
class BoehmLmExperiment {

    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    @Test
    void run() throws Exception {
        PetabProblem problem = PetabProblem.load(Path.of(
                "src/main/resources/dev/fixpoint/bio/petab/benchmark/Boehm_JProteomeRes2014/Boehm_JProteomeRes2014.yaml"));
        boolean lm = System.getProperty("lmexp").equals("lm");
        int starts = Integer.getInteger("lmexp.starts", 20);
        long seed = Long.getLong("lmexp.seed", 1L);
        String only = System.getProperty("lmexp.only", "");
        OptimizerOptions o = OptimizerOptions.defaults();
        Optimizer optimizer = lm ? new LevenbergMarquardt(o) : new ProjectedLbfgs(o, 10);
        PetabBoundedProblem probe = new PetabBoundedProblem(new PetabObjective(problem), GradientMethod.FORWARD);
        double[][] x0 = LatinHypercube.sample(starts, probe.lower(), probe.upper(), seed);
        ExecutorService pool = Executors.newFixedThreadPool(Integer.getInteger("lmexp.threads", 2));
        try {
            List<Future<String>> fs = new ArrayList<>();
            for (int k = 0; k < starts; k++) {
                if (!only.isEmpty() && !("," + only + ",").contains("," + k + ",")) {
                    continue;
                }
                int start = k;
                fs.add(pool.submit(() -> {
                    PetabBoundedProblem p = new PetabBoundedProblem(new PetabObjective(problem),
                            lm ? GradientMethod.FORWARD : GradientMethod.ADJOINT);
                    BoundedProblem bp = lm ? new LeastSquaresObjective(p.leastSquares()) : p;
                    long t0 = System.nanoTime();
                    OptimizerResult r = optimizer.minimize(bp, x0[start]);
                    double s = (System.nanoTime() - t0) / 1e9;
                    return String.format("Boehm seed %d start %d %s f %.4f it %d ev %d %.1f s pg %.2e %s", seed, start,
                            lm ? "lm" : "lbfgs", r.value(), r.iterations(), r.evaluations(), s,
                            r.projectedGradientNorm(), r.status());
                }));
            }
            for (Future<String> f : fs) {
                RESULTS.info(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
