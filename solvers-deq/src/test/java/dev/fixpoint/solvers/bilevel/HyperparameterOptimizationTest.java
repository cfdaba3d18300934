package dev.fixpoint.solvers.bilevel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.implicit.LinearSolveMethod;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learning hyperparameters on a validation loss: lasso λ, elastic net (λ1, λ2), a learning rate, a
 * decaying schedule, a heavy-ball momentum and Adam's (α, β1, β2); hypergradients of the training
 * problems against central finite differences; out-of-range hyperparameters reported.
 */
class HyperparameterOptimizationTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");
    private static final LassoData DATA = LassoData.create(100, 60, 50, 8, 0.3, 7);
    private static final TrainingLoss TRAIN = TrainingLoss.leastSquares(DATA.xTrain, DATA.yTrain);
    private static final TrainingLoss VALIDATION = TrainingLoss.leastSquares(DATA.xValidation, DATA.yValidation);

    private static void assertImproves(String what, HyperparameterTrace trace, double factor) {
        RESULTS.info("{} ({}): validation loss {} -> {} in {} outer iterations, θ {} -> {}, {} s", what, trace.method(),
                trace.initialLoss(), trace.finalLoss(), trace.loss().length - 1, Arrays.toString(trace.history()[0]),
                Arrays.toString(trace.history()[trace.history().length - 1]), trace.seconds());
        assertTrue(trace.finalLoss() <= factor * trace.initialLoss(), what + ": " + trace.initialLoss() + " -> "
                + trace.finalLoss());
    }

    private static double centralDifference(BilevelProblem p, Tensor[] theta, int index, double h) {
        Tensor[] plus = Arrays.stream(theta).map(Tensor::copy).toArray(Tensor[]::new);
        Tensor[] minus = Arrays.stream(theta).map(Tensor::copy).toArray(Tensor[]::new);
        plus[index] = plus[index].add(h);
        minus[index] = minus[index].add(-h);
        return (p.outerLoss(plus) - p.outerLoss(minus)) / (2 * h);
    }

    @Test
    void lassoAndElasticNetRegularisationIsLearned() {
        ElasticNetBilevel lasso = ElasticNetBilevel.lasso(DATA.xTrain, DATA.yTrain, DATA.xValidation, DATA.yValidation);
        HyperparameterTrace t = HyperparameterOptimizer.of(lasso.problem(1, 0.1), HypergradientMethods.kkt())
                .stepSize(0.01 * DATA.lambdaMax()).adaptive(true).iterations(40)
                .run(new Tensor[]{Tensor.scalar(0.5 * DATA.lambdaMax())});
        assertImproves("lasso λ by KKT", t, 0.5);
        ElasticNetBilevel net = ElasticNetBilevel.elasticNet(DATA.xTrain, DATA.yTrain, DATA.xValidation, DATA.yValidation);
        double l2 = 1.0;
        HyperparameterTrace e = HyperparameterOptimizer.of(net.problem(400, 1 / (net.dataLipschitz() + 1)),
                HypergradientMethods.implicit(LinearSolveMethod.GMRES)).stepSize(0.02).adaptive(true).iterations(15)
                .run(new Tensor[]{Tensor.scalar(0.3 * DATA.lambdaMax()), Tensor.scalar(l2)});
        assertImproves("elastic net (λ1, λ2) by implicit differentiation (ISTA T = 400)", e, 0.7);
    }

    @Test
    void optimiserHyperparametersAreLearned() {
        assertImproves("gradient-descent learning rate (T = 30)", HyperparameterOptimizer.of(
                TrainingProblems.gradientDescent(TRAIN, VALIDATION, 30), HypergradientMethods.reverse())
                .stepSize(0.02).adaptive(true).iterations(15).run(new Tensor[]{Tensor.scalar(0.05)}), 0.7);
        assertImproves("schedule exp(θ0)/(1 + t exp(θ1)) (T = 30)", HyperparameterOptimizer.of(
                TrainingProblems.scheduledGradientDescent(TRAIN, VALIDATION, 30), HypergradientMethods.forward())
                .stepSize(0.1).adaptive(true).iterations(15)
                .run(new Tensor[]{Tensor.scalar(Math.log(0.05)), Tensor.scalar(Math.log(0.1))}), 0.7);
        assertImproves("heavy-ball momentum β (η = 0.05, T = 30)", HyperparameterOptimizer.of(
                TrainingProblems.heavyBall(TRAIN, VALIDATION, 0.05, 30), HypergradientMethods.reverse())
                .stepSize(0.05).adaptive(true).iterations(10).run(new Tensor[]{Tensor.scalar(0.1)}), 0.7);
        assertImproves("Adam (α, β1, β2) (T = 30)", HyperparameterOptimizer.of(
                TrainingProblems.adam(TRAIN, VALIDATION, 30), HypergradientMethods.truncatedReverse(30))
                .stepSize(0.01).adaptive(true).iterations(10)
                .run(new Tensor[]{Tensor.scalar(0.02), Tensor.scalar(0.8), Tensor.scalar(0.9)}), 0.9);
        Tensor labels = DATA.yTrain.map(v -> v > 0 ? 1 : 0);
        Tensor validationLabels = DATA.yValidation.map(v -> v > 0 ? 1 : 0);
        assertImproves("logistic regression learning rate (T = 30)", HyperparameterOptimizer.of(
                TrainingProblems.gradientDescent(TrainingLoss.logistic(DATA.xTrain, labels),
                        TrainingLoss.logistic(DATA.xValidation, validationLabels), 30), HypergradientMethods.forward())
                .stepSize(0.05).adaptive(true).iterations(10).run(new Tensor[]{Tensor.scalar(0.05)}), 0.9);
    }

    @Test
    void trainingHypergradientsMatchFiniteDifferencesAndAgreeAcrossMethods() {
        BilevelProblem adam = TrainingProblems.adam(TRAIN, VALIDATION, 20);
        Tensor[] theta = {Tensor.scalar(0.02), Tensor.scalar(0.8), Tensor.scalar(0.9)};
        Hypergradient reverse = HypergradientMethods.reverse().compute(adam, theta);
        Hypergradient forward = HypergradientMethods.forward().compute(adam, theta);
        double[] r = reverse.flat();
        double[] f = forward.flat();
        for (int i = 0; i < 3; i++) {
            double fd = centralDifference(adam, theta, i, 1e-6);
            double error = Math.abs(r[i] - fd) / Math.abs(fd);
            RESULTS.info("Adam hypergradient component {}: reverse {} forward {} central FD {} (relative {})", i, r[i],
                    f[i], fd, error);
            assertTrue(error <= 1e-5, "component " + i + ": " + error);
            assertEquals(r[i], f[i], 1e-10 * Math.abs(r[i]) + 1e-14);
        }
        BilevelProblem heavy = TrainingProblems.heavyBall(TRAIN, VALIDATION, 0.05, 25);
        Tensor[] beta = {Tensor.scalar(0.5)};
        double fd = centralDifference(heavy, beta, 0, 1e-6);
        double g = HypergradientMethods.forward().compute(heavy, beta).flat()[0];
        assertTrue(Math.abs(g - fd) <= 1e-5 * Math.abs(fd), g + " vs " + fd);
        BilevelProblem schedule = TrainingProblems.scheduledGradientDescent(TRAIN, VALIDATION, 25);
        Tensor[] s = {Tensor.scalar(Math.log(0.05)), Tensor.scalar(Math.log(0.1))};
        double[] gs = HypergradientMethods.reverse().compute(schedule, s).flat();
        for (int i = 0; i < 2; i++) {
            double d = centralDifference(schedule, s, i, 1e-6);
            assertTrue(Math.abs(gs[i] - d) <= 1e-5 * Math.abs(d), i + ": " + gs[i] + " vs " + d);
        }
    }

    /** Updating log λ keeps λ positive where plain steps leave the range, and still learns. */
    @Test
    void logScaleUpdatesKeepPositiveHyperparametersInsideTheirRange() {
        ElasticNetBilevel lasso = ElasticNetBilevel.lasso(DATA.xTrain, DATA.yTrain, DATA.xValidation, DATA.yValidation);
        HyperparameterTrace t = HyperparameterOptimizer.of(lasso.problem(1, 0.1), HypergradientMethods.kkt())
                .logScale(true).adaptive(true).stepSize(0.1).iterations(60)
                .run(new Tensor[]{Tensor.scalar(0.5 * DATA.lambdaMax())});
        for (double[] theta : t.history()) {
            assertTrue(theta[0] > 0, "λ = " + theta[0]);
        }
        assertImproves("lasso log λ by KKT", t, 0.5);
        FixpointException e = assertThrows(FixpointException.class, () -> HyperparameterOptimizer.of(
                lasso.problem(1, 0.1), HypergradientMethods.kkt()).logScale(true).run(new Tensor[]{Tensor.scalar(0)}));
        assertEquals("HyperparameterOutOfRange", e.id());
    }

    @Test
    void hyperparametersLeavingTheirRangeAreReported() {
        // an outer step far too large drives λ below 0 at the first update
        ElasticNetBilevel lasso = ElasticNetBilevel.lasso(DATA.xTrain, DATA.yTrain, DATA.xValidation, DATA.yValidation);
        FixpointException e = assertThrows(FixpointException.class, () -> HyperparameterOptimizer.of(
                lasso.problem(1, 0.1), HypergradientMethods.kkt()).stepSize(100).iterations(5)
                .run(new Tensor[]{Tensor.scalar(0.2 * DATA.lambdaMax())}));
        assertEquals("HyperparameterOutOfRange", e.id());
        assertTrue(e.getMessage().contains("λ = -") && e.getMessage().contains("[0, ∞)")
                && e.getMessage().contains("outer iteration 1"), e.getMessage());
        // a momentum outside [0, 1) at the start, a non-positive learning rate, Adam's β2 = 1
        FixpointException b = assertThrows(FixpointException.class, () -> HyperparameterOptimizer.of(
                TrainingProblems.heavyBall(TRAIN, VALIDATION, 0.05, 5), HypergradientMethods.reverse())
                .run(new Tensor[]{Tensor.scalar(1.2)}));
        assertTrue(b.getMessage().contains("β = 1.2") && b.getMessage().contains("[0, 1)")
                && b.getMessage().contains("outer iteration 0"), b.getMessage());
        assertThrows(FixpointException.class, () -> HyperparameterOptimizer.of(
                TrainingProblems.gradientDescent(TRAIN, VALIDATION, 5), HypergradientMethods.reverse())
                .run(new Tensor[]{Tensor.scalar(0)}));
        FixpointException a = assertThrows(FixpointException.class, () -> HyperparameterOptimizer.of(
                TrainingProblems.adam(TRAIN, VALIDATION, 5), HypergradientMethods.reverse())
                .run(new Tensor[]{Tensor.scalar(0.01), Tensor.scalar(0.9), Tensor.scalar(1)}));
        assertTrue(a.getMessage().contains("β2"), a.getMessage());
    }
}
