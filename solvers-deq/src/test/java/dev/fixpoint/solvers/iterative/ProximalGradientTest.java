package dev.fixpoint.solvers.iterative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.SolverStatus;
import dev.fixpoint.solvers.StoppingCriteria;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class ProximalGradientTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");
    private static final LassoFixture LASSO = LassoFixture.create();

    private static SolverResult lasso(ProximalGradient.Builder builder) {
        SolverResult r = builder.stopping(StoppingCriteria.of(1e-12, 20_000)).build().solve(null);
        double kkt = LASSO.kkt(r.solution());
        RESULTS.info("lasso {}: {} iterations, KKT residual {}", r.solver(), r.iterations(), kkt);
        assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
        assertTrue(kkt <= 1e-8, r.solver() + " KKT residual " + kkt);
        return r;
    }

    @Test
    void istaWithFixedStepReachesTheLassoMinimiser() {
        lasso(ProximalGradient.ista(LASSO.leastSquares(), LASSO.l1()));
    }

    @Test
    void istaWithBacktrackingReachesTheLassoMinimiser() {
        lasso(ProximalGradient.ista(LeastSquares.of(LASSO.a, LASSO.b), LASSO.l1()).step(StepSize.backtracking()));
    }

    @Test
    void fistaWithoutAndWithRestartReachesTheLassoMinimiser() {
        SolverResult plain = lasso(ProximalGradient.fista(LASSO.leastSquares(), LASSO.l1()));
        SolverResult function = lasso(ProximalGradient.fista(LASSO.leastSquares(), LASSO.l1()).restart(Restart.FUNCTION));
        SolverResult gradient = lasso(ProximalGradient.fista(LASSO.leastSquares(), LASSO.l1()).restart(Restart.GRADIENT));
        SolverResult backtracking = lasso(ProximalGradient.fista(LeastSquares.of(LASSO.a, LASSO.b), LASSO.l1())
                .step(StepSize.backtracking()).restart(Restart.GRADIENT));
        RESULTS.info("fista iterations to 1e-12: no restart {}, function restart {}, gradient restart {}, backtracking+gradient {}",
                plain.iterations(), function.iterations(), gradient.iterations(), backtracking.iterations());
        assertTrue(function.auxiliary("restarts").item() > 0);
        assertTrue(gradient.auxiliary("restarts").item() > 0);
        assertTrue(gradient.iterations() < plain.iterations(), "restart should help on this lasso");
    }
}
