package dev.fixpoint.operators.prox;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The contract catches wrong proximal maps: it is not a test that everything passes. */
class ContractSensitivityTest {

    /** Soft thresholding by 0.9·τλ instead of τλ: a 10% error in the threshold. */
    private static final class SlightlyWrongL1 extends ProximalFunction {
        @Override
        public double value(Tensor x) {
            return Proximals.l1(1).value(x);
        }

        @Override
        protected void computeProx(Tensor v, double tau, Tensor out) {
            Proximals.l1(0.9).proxInto(v, tau, out);
        }

        @Override
        public double conjugateValue(Tensor y) {
            return Proximals.l1(1).conjugateValue(y);
        }
    }

    /** Claims to be the simplex indicator but returns the non-negative part, which is not on the simplex. */
    private static final class NotASimplexProjection extends ProximalFunction {
        @Override
        public double value(Tensor x) {
            return Proximals.simplex(1).value(x);
        }

        @Override
        protected void computeProx(Tensor v, double tau, Tensor out) {
            Proximals.nonNegative().proxInto(v, tau, out);
        }

        @Override
        public boolean isIndicator() {
            return true;
        }
    }

    private static ProximalFunctionContract contractFor(ProximalFunction f) {
        return new ProximalFunctionContract() {
            @Override
            protected ProximalFunction function() {
                return f;
            }

            @Override
            protected Tensor randomPoint(SplittableRandom rng) {
                return Tensor.randn(rng, 6).mul(2);
            }
        };
    }

    @Test
    void wrongThresholdFailsOptimalityAndFenchelYoung() {
        ProximalFunctionContract c = contractFor(new SlightlyWrongL1());
        assertThrows(AssertionFailedError.class, c::proxMinimisesTheProxObjective);
        assertThrows(AssertionFailedError.class, c::fenchelYoungEqualityHoldsWhereTheConjugateHasAClosedForm);
    }

    @Test
    void infeasibleProjectionFailsFeasibility() {
        ProximalFunctionContract c = contractFor(new NotASimplexProjection());
        assertThrows(AssertionFailedError.class, c::indicatorProjectionIsFeasibleAndIdempotent);
        assertThrows(AssertionFailedError.class, c::proxMinimisesTheProxObjective);
    }

    @Test
    void wrongClosedFormConjugateFailsMoreau() {
        ProximalFunction l1WithWrongConjugate = new ProximalFunction() {
            @Override
            public double value(Tensor x) {
                return Proximals.l1(1).value(x);
            }

            @Override
            protected void computeProx(Tensor v, double tau, Tensor out) {
                Proximals.l1(1).proxInto(v, tau, out);
            }

            @Override
            public ProximalFunction conjugate() {
                return Proximals.linfBall(1.1);
            }
        };
        assertThrows(AssertionFailedError.class, contractFor(l1WithWrongConjugate)::moreauIdentityHolds);
    }
}
