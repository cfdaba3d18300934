package dev.fixpoint.solvers.bilevel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.implicit.LinearSolveMethod;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The five hypergradient methods: lasso KKT against finite differences, agreement on ridge, errors. */
class HypergradientMethodsTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");
    private static final LassoData DATA = LassoData.create(100, 60, 50, 8, 0.3, 7);

    private static double relative(double[] a, double[] b) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - b[i]) * (a[i] - b[i]);
            den += b[i] * b[i];
        }
        return Math.sqrt(num / den);
    }

    private static int[] support(Tensor beta) {
        return java.util.stream.IntStream.range(0, beta.size()).filter(i -> beta.get(i) != 0).toArray();
    }

    @Test
    void lassoKktHypergradientMatchesCentralFiniteDifferences() {
        ElasticNetBilevel lasso = ElasticNetBilevel.lasso(DATA.xTrain, DATA.yTrain, DATA.xValidation, DATA.yValidation);
        for (double fraction : new double[]{0.05, 0.2}) {
            double lambda = fraction * DATA.lambdaMax();
            Hypergradient kkt = HypergradientMethods.kkt().compute(lasso.problem(1, 0.1), new Tensor[]{Tensor.scalar(lambda)});
            // the step stays inside one support: checked below
            double h = 1e-6 * lambda;
            Tensor plus = lasso.solve(lambda + h, 0);
            Tensor minus = lasso.solve(lambda - h, 0);
            assertArrayEquals(support(kkt.innerSolution()), support(plus), "support changed within +h");
            assertArrayEquals(support(kkt.innerSolution()), support(minus), "support changed within −h");
            double fd = (lasso.validationLoss(plus) - lasso.validationLoss(minus)) / (2 * h);
            double error = Math.abs(kkt.gradient()[0].item() - fd) / Math.abs(fd);
            RESULTS.info("lasso KKT hypergradient at λ = {}·λmax (|S| = {}): {} vs central FD {} (h = 1e-6·λ): relative "
                    + "error {}", fraction, support(kkt.innerSolution()).length, kkt.gradient()[0].item(), fd, error);
            assertTrue(error <= 1e-6, "relative error " + error);
        }
    }

    @Test
    void allFiveMethodsAgreeOnRidge() {
        // elastic net with λ1 = 0 is ridge; θ = [λ1, λ2], ISTA = gradient descent
        ElasticNetBilevel net = ElasticNetBilevel.elasticNet(DATA.xTrain, DATA.yTrain, DATA.xValidation, DATA.yValidation);
        double lambda2 = 0.5;
        BilevelProblem problem = net.problem(300, 1 / (net.dataLipschitz() + lambda2));
        Tensor[] theta = {Tensor.scalar(0), Tensor.scalar(lambda2)};
        Hypergradient reference = HypergradientMethods.kkt().compute(problem, theta);
        for (HypergradientMethod method : new HypergradientMethod[]{HypergradientMethods.reverse(),
                HypergradientMethods.truncatedReverse(150), HypergradientMethods.forward(),
                HypergradientMethods.implicit(LinearSolveMethod.GMRES), HypergradientMethods.implicit(LinearSolveMethod.NEUMANN),
                HypergradientMethods.implicit(LinearSolveMethod.BICGSTAB)}) {
            Hypergradient g = method.compute(problem, theta);
            double error = relative(g.flat(), reference.flat());
            RESULTS.info("ridge (elastic net λ1 = 0, λ2 = {}), T = 300: {} hypergradient {} vs KKT {}: relative "
                    + "difference {}, {} s", lambda2, method.name(), Arrays.toString(g.flat()),
                    Arrays.toString(reference.flat()), error, g.seconds());
            assertTrue(error <= 1e-6, method.name() + " relative difference " + error);
            assertEquals(reference.loss(), g.loss(), 1e-9 * reference.loss(), method.name());
        }
    }

    @Test
    void lassoGenericMethodsAgreeWithKktOnceTheSupportIsFound() {
        ElasticNetBilevel lasso = ElasticNetBilevel.lasso(DATA.xTrain, DATA.yTrain, DATA.xValidation, DATA.yValidation);
        BilevelProblem problem = lasso.problem(1500, 1 / lasso.dataLipschitz());
        Tensor[] theta = {Tensor.scalar(0.1 * DATA.lambdaMax())};
        Hypergradient reference = HypergradientMethods.kkt().compute(problem, theta);
        for (HypergradientMethod method : new HypergradientMethod[]{HypergradientMethods.reverse(),
                HypergradientMethods.implicit(LinearSolveMethod.GMRES)}) {
            Hypergradient g = method.compute(problem, theta);
            double error = relative(g.flat(), reference.flat());
            RESULTS.info("lasso λ = 0.1 λmax, ISTA T = 1500: {} hypergradient relative difference to KKT {}",
                    method.name(), error);
            assertTrue(error <= 1e-6, method.name() + " " + error);
        }
    }

    @Test
    void kktNeedsAClosedFormAndValidHyperparameters() {
        BilevelProblem plain = BilevelProblem.builder((z, th, t) -> Ops.scale(z, 0.5), (z, th) -> Ops.sum(z),
                Tensor.ones(3), 5).build();
        FixpointException e = assertThrows(FixpointException.class,
                () -> HypergradientMethods.kkt().compute(plain, new Tensor[0]));
        assertEquals("UnsupportedMethod", e.id());
        ElasticNetBilevel lasso = ElasticNetBilevel.lasso(DATA.xTrain, DATA.yTrain, DATA.xValidation, DATA.yValidation);
        FixpointException range = assertThrows(FixpointException.class,
                () -> lasso.kkt(new Tensor[]{Tensor.scalar(-0.1)}));
        assertEquals("HyperparameterOutOfRange", range.id());
        assertTrue(range.getMessage().contains("-0.1") && range.getMessage().contains("[0, ∞)"), range.getMessage());
    }
}
