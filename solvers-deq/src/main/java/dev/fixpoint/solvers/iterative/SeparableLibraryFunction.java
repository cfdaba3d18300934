package dev.fixpoint.solvers.iterative;

import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;
import dev.fixpoint.operators.prox.BoxIndicator;
import dev.fixpoint.operators.prox.ElasticNet;
import dev.fixpoint.operators.prox.L1Norm;
import dev.fixpoint.operators.prox.NonNegativeIndicator;
import dev.fixpoint.operators.prox.SquaredL2Norm;
import dev.fixpoint.operators.prox.ZeroFunction;

/**
 * The separable functions of the library as {@link SeparableFunction}s: each element's prox is a
 * closed form in the element's own step, evaluated in one loop. Value and conjugate delegate to the
 * library function; {@code ½‖x − b‖²} is implemented here.
 */
final class SeparableLibraryFunction extends SeparableFunction {
    static final String[] SUPPORTED = {"zero", "l1", "weightedL1", "nonNegative", "box", "squaredL2", "elasticNet"};

    private enum Kind { ZERO, SOFT_THRESHOLD, CLAMP, SHRINK, SQUARED_DISTANCE }

    private final Kind kind;
    private final ProximalFunction delegate; // null for SQUARED_DISTANCE
    private final double threshold;          // λ of the soft threshold (times weights)
    private final double shrink;             // λ₂ of the quadratic part
    private final Tensor perElement;         // l1 weights, or the target b, or null
    private final Tensor lower;              // box bounds (size 1 = broadcast), or null
    private final Tensor upper;

    private SeparableLibraryFunction(Kind kind, ProximalFunction delegate, double threshold, double shrink,
                                     Tensor perElement, Tensor lower, Tensor upper) {
        this.kind = kind;
        this.delegate = delegate;
        this.threshold = threshold;
        this.shrink = shrink;
        this.perElement = perElement;
        this.lower = lower;
        this.upper = upper;
    }

    /** @return the adapter, or null when {@code f} is not one of {@link #SUPPORTED} */
    static SeparableFunction adapt(ProximalFunction f) {
        if (f instanceof ZeroFunction) {
            return new SeparableLibraryFunction(Kind.ZERO, f, 0, 0, null, null, null);
        }
        if (f instanceof L1Norm l1) {
            return new SeparableLibraryFunction(Kind.SOFT_THRESHOLD, f, l1.lambda(), 0, l1.weights(), null, null);
        }
        if (f instanceof ElasticNet e) {
            return new SeparableLibraryFunction(Kind.SOFT_THRESHOLD, f, e.lambda1(), e.lambda2(), null, null, null);
        }
        if (f instanceof SquaredL2Norm s) {
            return new SeparableLibraryFunction(Kind.SHRINK, f, 0, s.lambda(), null, null, null);
        }
        if (f instanceof NonNegativeIndicator) {
            return new SeparableLibraryFunction(Kind.CLAMP, f, 0, 0, null, Tensor.scalar(0).reshape(1),
                    Tensor.full(Double.POSITIVE_INFINITY, 1));
        }
        if (f instanceof BoxIndicator box) {
            return new SeparableLibraryFunction(Kind.CLAMP, f, 0, 0, null, box.lower(1), box.upper(1));
        }
        return null;
    }

    static SeparableFunction distanceTo(Tensor b) {
        return new SeparableLibraryFunction(Kind.SQUARED_DISTANCE, null, 0, 0, b, null, null);
    }

    @Override
    public String name() {
        return delegate == null ? "squaredDistance" : delegate.name();
    }

    @Override
    public boolean isIndicator() {
        return delegate != null && delegate.isIndicator();
    }

    @Override
    public double value(Tensor x) {
        if (delegate != null) {
            return delegate.value(x);
        }
        requireTargetShape(x, "value");
        double d = SolverChecks.distance(x, perElement);
        return 0.5 * d * d;
    }

    @Override
    public double conjugateValue(Tensor y) {
        if (delegate != null) {
            return delegate.conjugateValue(y);
        }
        requireTargetShape(y, "conjugateValue");
        return 0.5 * y.dot(y) + y.dot(perElement); // (½‖· − b‖²)*(y) = ½‖y‖² + ⟨b, y⟩
    }

    @Override
    protected void computeProx(Tensor v, double tau, Tensor out) {
        if (delegate != null) {
            delegate.proxInto(v, tau, out);
            return;
        }
        requireTargetShape(v, "prox");
        double[] vd = v.data();
        double[] bd = perElement.data();
        double[] od = out.data();
        int vo = v.offset();
        int oo = out.offset();
        double s = 1 / (1 + tau);
        for (int i = 0, n = v.size(); i < n; i++) {
            od[oo + i] = (vd[vo + i] + tau * bd[i]) * s;
        }
    }

    @Override
    protected void computeProxDiagonal(Tensor v, Tensor steps, Tensor out) {
        if (perElement != null && perElement.size() != v.size()) {
            throw new ShapeMismatchException(name() + ".proxDiagonal", v.shape(), perElement.shape(),
                    "the input must have the shape of the function's weights/target");
        }
        if (lower != null && lower.size() != 1 && lower.size() != v.size()) {
            throw new ShapeMismatchException(name() + ".proxDiagonal", v.shape(), lower.shape(),
                    "the input must have the shape of the box bounds");
        }
        double[] vd = v.data();
        double[] td = steps.data();
        double[] od = out.data();
        int vo = v.offset();
        int to = steps.offset();
        int oo = out.offset();
        int n = v.size();
        switch (kind) {
            case ZERO -> System.arraycopy(vd, vo, od, oo, n);
            case SOFT_THRESHOLD -> {
                double[] w = perElement == null ? null : perElement.data();
                for (int i = 0; i < n; i++) {
                    double tau = td[to + i];
                    double t = tau * threshold * (w == null ? 1 : w[i]);
                    double a = vd[vo + i];
                    double m = Math.abs(a) - t;
                    od[oo + i] = m > 0 ? Math.copySign(m / (1 + tau * shrink), a) : 0.0;
                }
            }
            case SHRINK -> {
                for (int i = 0; i < n; i++) {
                    od[oo + i] = vd[vo + i] / (1 + td[to + i] * shrink);
                }
            }
            case CLAMP -> {
                double[] lo = lower.data();
                double[] hi = upper.data();
                boolean broadcast = lower.size() == 1;
                for (int i = 0; i < n; i++) {
                    int j = broadcast ? 0 : i;
                    od[oo + i] = Math.min(Math.max(vd[vo + i], lo[j]), hi[j]);
                }
            }
            case SQUARED_DISTANCE -> {
                double[] bd = perElement.data();
                for (int i = 0; i < n; i++) {
                    double tau = td[to + i];
                    od[oo + i] = (vd[vo + i] + tau * bd[i]) / (1 + tau);
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    private void requireTargetShape(Tensor x, String op) {
        if (!x.sameShape(perElement)) {
            throw new ShapeMismatchException(name() + "." + op, x.shape(), perElement.shape(),
                    "the input must have the shape of the target b");
        }
    }
}
