package dev.fixpoint.solvers.bilevel;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;

/**
 * A training loss of a linear model with weights {@code w [n]} on data {@code X [m, n], y [m]},
 * with its value and its gradient written explicitly on {@link Var}s (so that inner training steps
 * built from the gradient can themselves be differentiated).
 */
public interface TrainingLoss {

    /** @return the loss at w (one element) */
    Var value(Var w);

    /** @return the gradient at w ({@code [n]}) */
    Var gradient(Var w);

    /** @return the number of features n */
    int features();

    /** @return {@code (1/2m)‖Xw − y‖²} with gradient {@code (1/m)Xᵀ(Xw − y)} */
    static TrainingLoss leastSquares(Tensor x, Tensor y) {
        check(x, y);
        Var xv = Var.constant(x.copy());
        Var yv = Var.constant(y.copy());
        int m = x.dim(0);
        return new TrainingLoss() {
            @Override
            public Var value(Var w) {
                Var r = Ops.sub(Ops.matvec(xv, false, w), yv);
                return Ops.scale(Ops.sum(Ops.mul(r, r)), 0.5 / m);
            }

            @Override
            public Var gradient(Var w) {
                return Ops.scale(Ops.matvec(xv, true, Ops.sub(Ops.matvec(xv, false, w), yv)), 1.0 / m);
            }

            @Override
            public int features() {
                return x.dim(1);
            }
        };
    }

    /**
     * @param y labels in {0, 1}
     * @return the mean logistic loss {@code (1/m)Σ softplus(xᵢᵀw) − yᵢxᵢᵀw} with gradient {@code (1/m)Xᵀ(σ(Xw) − y)}
     */
    static TrainingLoss logistic(Tensor x, Tensor y) {
        check(x, y);
        for (double label : y.toArray()) {
            if (label != 0 && label != 1) {
                throw new IllegalArgumentException("[fixpoint/InvalidParameter] logistic regression labels must be 0 or 1, got "
                        + label);
            }
        }
        Var xv = Var.constant(x.copy());
        Var yv = Var.constant(y.copy());
        int m = x.dim(0);
        return new TrainingLoss() {
            @Override
            public Var value(Var w) {
                Var z = Ops.matvec(xv, false, w);
                return Ops.scale(Ops.sum(Ops.sub(Ops.softplus(z), Ops.mul(yv, z))), 1.0 / m);
            }

            @Override
            public Var gradient(Var w) {
                Var p = Ops.sigmoid(Ops.matvec(xv, false, w));
                return Ops.scale(Ops.matvec(xv, true, Ops.sub(p, yv)), 1.0 / m);
            }

            @Override
            public int features() {
                return x.dim(1);
            }
        };
    }

    private static void check(Tensor x, Tensor y) {
        if (x.rank() != 2 || y.rank() != 1 || y.dim(0) != x.dim(0)) {
            throw new ShapeMismatchException("training loss: targets vs design", y.shape(),
                    new int[]{x.rank() == 2 ? x.dim(0) : -1}, "the design is [m, n] and the targets [m]");
        }
        x.requireFinite("training loss: design");
        y.requireFinite("training loss: targets");
    }
}
