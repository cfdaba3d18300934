package dev.fixpoint.operators;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Combinators of {@link LinearOperator}s: composition, sums, scaling, adjoint and normal views,
 * and the operator-norm estimate. The results reference their operands (no data is copied) and
 * check shapes at construction, naming both operators and shapes on a mismatch.
 */
public final class LinearOperators {
    private LinearOperators() {
    }

    /** @return {@code outer ∘ inner}; {@code inner}'s range must equal {@code outer}'s domain */
    public static LinearOperator compose(LinearOperator outer, LinearOperator inner) {
        if (!Arrays.equals(inner.rangeShape(), outer.domainShape())) {
            throw new ShapeMismatchException("compose " + outer.name() + " ∘ " + inner.name(), inner.rangeShape(),
                    outer.domainShape(), "the range of the inner operator must equal the domain of the outer one");
        }
        return new LinearOperator(inner.domainShape(), outer.rangeShape()) {
            @Override
            public String name() {
                return outer.name() + "∘" + inner.name();
            }

            @Override
            protected void forward(Tensor x, Tensor out) {
                outer.applyInto(inner.apply(x), out);
            }

            @Override
            protected void backward(Tensor y, Tensor out) {
                inner.adjointInto(outer.adjoint(y), out);
            }
        };
    }

    /** @return {@code a + b}; both must have the same domain and range */
    public static LinearOperator sum(LinearOperator a, LinearOperator b) {
        if (!Arrays.equals(a.domainShape(), b.domainShape()) || !Arrays.equals(a.rangeShape(), b.rangeShape())) {
            throw new ShapeMismatchException("sum " + a.name() + " + " + b.name(), a.domainShape(), b.domainShape(),
                    "summands need equal domains (and ranges " + Arrays.toString(a.rangeShape()) + " vs "
                            + Arrays.toString(b.rangeShape()) + ")");
        }
        return new LinearOperator(a.domainShape(), a.rangeShape()) {
            @Override
            public String name() {
                return "(" + a.name() + "+" + b.name() + ")";
            }

            @Override
            protected void forward(Tensor x, Tensor out) {
                a.applyInto(x, out);
                out.addInto(b.apply(x), out);
            }

            @Override
            protected void backward(Tensor y, Tensor out) {
                a.adjointInto(y, out);
                out.addInto(b.adjoint(y), out);
            }
        };
    }

    /** @return {@code alpha · a} */
    public static LinearOperator scaled(LinearOperator a, double alpha) {
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("scaled " + a.name() + ": factor " + alpha + " is not finite");
        }
        return new LinearOperator(a.domainShape(), a.rangeShape()) {
            @Override
            public String name() {
                return alpha + "·" + a.name();
            }

            @Override
            protected void forward(Tensor x, Tensor out) {
                a.applyInto(x, out);
                out.scaleInPlace(alpha);
            }

            @Override
            protected void backward(Tensor y, Tensor out) {
                a.adjointInto(y, out);
                out.scaleInPlace(alpha);
            }
        };
    }

    /** @return the adjoint of {@code a} as an operator (apply and adjoint swapped) */
    public static LinearOperator transposed(LinearOperator a) {
        return new LinearOperator(a.rangeShape(), a.domainShape()) {
            @Override
            public String name() {
                return a.name() + "ᵀ";
            }

            @Override
            protected void forward(Tensor x, Tensor out) {
                a.adjointInto(x, out);
            }

            @Override
            protected void backward(Tensor y, Tensor out) {
                a.applyInto(y, out);
            }

            @Override
            public LinearOperator transposed() {
                return a;
            }
        };
    }

    /** @return {@code aᵀa} (self-adjoint) */
    public static LinearOperator normal(LinearOperator a) {
        return new LinearOperator(a.domainShape(), a.domainShape()) {
            @Override
            public String name() {
                return a.name() + "ᵀ" + a.name();
            }

            @Override
            protected void forward(Tensor x, Tensor out) {
                a.adjointInto(a.apply(x), out);
            }

            @Override
            protected void backward(Tensor y, Tensor out) {
                forward(y, out);
            }
        };
    }

    /** Power iteration on {@code AᵀA}; see {@link LinearOperator#normEstimate}. */
    static double normEstimate(LinearOperator a, double tolerance, int maxIterations) {
        if (!(tolerance > 0) || maxIterations < 1) {
            throw new IllegalArgumentException("normEstimate: tolerance " + tolerance + " must be > 0 and maxIterations "
                    + maxIterations + " ≥ 1");
        }
        Tensor x = Tensor.randn(new SplittableRandom(0x5eed), a.domainShape());
        double nx = x.norm();
        if (nx == 0) {
            return 0;
        }
        x.scaleInPlace(1 / nx);
        double estimate = 0;
        Tensor ax = Tensor.zeros(a.rangeShape());
        Tensor atax = Tensor.zeros(a.domainShape());
        for (int k = 1; k <= maxIterations; k++) {
            a.applyInto(x, ax);
            a.adjointInto(ax, atax);
            double lambda = atax.norm(); // ‖AᵀA x‖ with ‖x‖ = 1 → σ_max² at convergence
            if (lambda == 0) {
                return 0;
            }
            double next = Math.sqrt(lambda);
            if (Math.abs(next - estimate) <= tolerance * next) {
                return next;
            }
            estimate = next;
            x.assign(atax).scaleInPlace(1 / lambda);
        }
        throw new FixpointException("NoConvergence", "normEstimate of " + a.name() + ": no relative change below "
                + tolerance + " after " + maxIterations + " power iterations (last estimate " + estimate + ")");
    }
}
