package dev.fixpoint.solvers.bilevel;

import dev.fixpoint.solvers.fixedpoint.SampleColumns;
import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.linalg.LinearAlgebra;
import dev.fixpoint.operators.prox.Proximals;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.StoppingCriteria;
import dev.fixpoint.solvers.iterative.LeastSquares;
import dev.fixpoint.solvers.iterative.ProximalGradient;
import dev.fixpoint.solvers.iterative.Restart;

/**
 * Hyperparameter selection for the lasso and the elastic net on a train/validation split. Inner
 * problem: {@code β(λ) = argmin (1/2m)‖Xβ − y‖² + λ₁‖β‖₁ + (λ₂/2)‖β‖²} on the training data
 * {@code X [m, n], y [m]}; outer loss: {@code (1/2m_v)‖X_v β − y_v‖²} on the validation data.
 * θ is {@code [λ]} (lasso: λ₂ fixed) or {@code [λ₁, λ₂]} (elastic net), each a scalar tensor.
 *
 * <p>{@link #solve} computes β to high accuracy (FISTA with gradient restart, then a polish: the
 * KKT system solved exactly on the support found). {@link #kkt} is the closed-form hypergradient of
 * Bertrand et al. (2020): on the support S with signs s, {@code (1/m)X_Sᵀ(X_Sβ_S − y) + λ₁s + λ₂β_S = 0},
 * so with {@code H_S = X_SᵀX_S/m + λ₂I} and {@code u = H_S⁻¹ ∇_S L}: {@code dL/dλ₁ = −uᵀs},
 * {@code dL/dλ₂ = −uᵀβ_S} (one Cholesky of size |S|). The map λ ↦ β is piecewise smooth: the formula
 * is the derivative inside a region of constant support and signs. {@link #problem} gives the same
 * problem as a {@link BilevelProblem} with T steps of ISTA for the generic methods.
 */
public final class ElasticNetBilevel {
    private final Tensor xTrain;
    private final Tensor yTrain;
    private final Tensor xValidation;
    private final Tensor yValidation;
    private final boolean learnRidge;
    private final double fixedRidge;
    private final double dataLipschitz;
    private final double tolerance;

    private ElasticNetBilevel(Tensor xTrain, Tensor yTrain, Tensor xValidation, Tensor yValidation, boolean learnRidge,
                              double fixedRidge, double tolerance) {
        requireData("training", xTrain, yTrain);
        requireData("validation", xValidation, yValidation);
        if (xTrain.dim(1) != xValidation.dim(1)) {
            throw new ShapeMismatchException("elastic-net bilevel: validation design vs training design",
                    xValidation.shape(), xTrain.shape(), "both designs need the same number of features (columns)");
        }
        this.xTrain = xTrain.copy();
        this.yTrain = yTrain.copy();
        this.xValidation = xValidation.copy();
        this.yValidation = yValidation.copy();
        this.learnRidge = learnRidge;
        this.fixedRidge = fixedRidge;
        this.tolerance = tolerance;
        double sMax = LinearAlgebra.current().svd(xTrain).s().max();
        this.dataLipschitz = sMax * sMax / xTrain.dim(0);
    }

    /** @return the lasso (θ = [λ], λ₂ = 0) on this train/validation split (designs [m, n], targets [m]) */
    public static ElasticNetBilevel lasso(Tensor xTrain, Tensor yTrain, Tensor xValidation, Tensor yValidation) {
        return new ElasticNetBilevel(xTrain, yTrain, xValidation, yValidation, false, 0, 1e-12);
    }

    /** @return the elastic net (θ = [λ₁, λ₂]) on this train/validation split */
    public static ElasticNetBilevel elasticNet(Tensor xTrain, Tensor yTrain, Tensor xValidation, Tensor yValidation) {
        return new ElasticNetBilevel(xTrain, yTrain, xValidation, yValidation, true, 0, 1e-12);
    }

    private static void requireData(String what, Tensor x, Tensor y) {
        if (x.rank() != 2 || y.rank() != 1 || y.dim(0) != x.dim(0)) {
            throw new ShapeMismatchException("elastic-net bilevel: " + what + " targets vs design", y.shape(),
                    new int[]{x.rank() == 2 ? x.dim(0) : -1}, "the design is [m, n] and the targets [m]");
        }
        x.requireFinite("elastic-net bilevel: " + what + " design");
        y.requireFinite("elastic-net bilevel: " + what + " targets");
    }

    /** @return {@code σ_max(X)²/m}, the Lipschitz constant of the data term's gradient */
    public double dataLipschitz() {
        return dataLipschitz;
    }

    /** @return the number of features n */
    public int features() {
        return xTrain.dim(1);
    }

    /** @return the declared hyperparameters: λ (lasso) or λ₁, λ₂ (elastic net), all in [0, ∞) */
    public Hyperparameter[] hyperparameters() {
        return learnRidge ? new Hyperparameter[]{Hyperparameter.nonNegative("λ1"), Hyperparameter.nonNegative("λ2")}
                : new Hyperparameter[]{Hyperparameter.nonNegative("λ")};
    }

    private double lambda1(Tensor[] theta) {
        requireTheta(theta);
        return theta[0].item();
    }

    private double lambda2(Tensor[] theta) {
        return learnRidge ? theta[1].item() : fixedRidge;
    }

    private void requireTheta(Tensor[] theta) {
        int expected = learnRidge ? 2 : 1;
        if (theta.length != expected) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] " + (learnRidge ? "elastic net" : "lasso")
                    + " θ needs " + expected + " scalar tensors " + (learnRidge ? "[λ1, λ2]" : "[λ]") + ", got " + theta.length);
        }
        Hyperparameter[] h = hyperparameters();
        for (int i = 0; i < expected; i++) {
            if (theta[i].size() != 1) {
                throw new IllegalArgumentException("[fixpoint/InvalidParameter] " + h[i].name() + " must be a scalar, got "
                        + theta[i].size() + " elements");
            }
            h[i].check(theta[i], 0);
        }
    }

    /**
     * Solves the inner problem to high accuracy: FISTA (gradient restart, tolerance 1e-12 on the
     * relative gradient mapping), then the KKT system on the support, kept when the signs and the
     * inactive constraints still hold.
     *
     * @return β [n]
     * @throws FixpointException {@code [fixpoint/NoConvergence]} if FISTA does not converge
     */
    public Tensor solve(double lambda1, double lambda2) {
        int m = xTrain.dim(0);
        double scale = 1 / Math.sqrt(m);
        LeastSquares f = LeastSquares.of(xTrain.mul(scale), yTrain.mul(scale)).withRidge(lambda2)
                .withLipschitz(dataLipschitz + lambda2);
        SolverResult r = ProximalGradient.fista(f, lambda1 > 0 ? Proximals.l1(lambda1) : Proximals.zero())
                .restart(Restart.GRADIENT).stopping(StoppingCriteria.of(tolerance, 200_000).withHistory(false))
                .build().solve(null).requireConverged();
        Tensor beta = r.solution();
        Tensor polished = polish(beta, lambda1, lambda2);
        return polished == null ? beta : polished;
    }

    /** @return β solved exactly on the support of {@code beta} with its signs, or null if that breaks optimality */
    private Tensor polish(Tensor beta, double lambda1, double lambda2) {
        int[] support = support(beta);
        if (support.length == 0) {
            return null;
        }
        Tensor xs = SampleColumns.gather(xTrain, support);
        int m = xTrain.dim(0);
        Tensor h = Tensor.matmul(xs, true, xs, false).mul(1.0 / m).add(Tensor.eye(support.length).mul(lambda2));
        Tensor rhs = Tensor.matvecInto(1.0 / m, xs, true, yTrain, 0, null);
        for (int k = 0; k < support.length; k++) {
            rhs.data()[rhs.offset() + k] -= lambda1 * Math.signum(beta.get(support[k]));
        }
        Tensor bs;
        try {
            bs = LinearAlgebra.current().solveSpd(h, rhs);
        } catch (RuntimeException e) {
            return null;
        }
        Tensor out = Tensor.zeros(beta.shape());
        for (int k = 0; k < support.length; k++) {
            double v = bs.get(k);
            if (Math.signum(v) != Math.signum(beta.get(support[k]))) {
                return null;
            }
            out.set(v, support[k]);
        }
        Tensor c = Tensor.matvecInto(1.0 / m, xTrain, true, xTrain.matvec(out).sub(yTrain), 0, null);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) == 0 && Math.abs(c.get(i)) > lambda1 * (1 + 1e-9)) {
                return null;
            }
        }
        return out;
    }

    /** @return the validation loss {@code (1/2m_v)‖X_v β − y_v‖²} */
    public double validationLoss(Tensor beta) {
        Tensor r = xValidation.matvec(beta).sub(yValidation);
        return 0.5 * r.dot(r) / xValidation.dim(0);
    }

    /** @return the validation loss at the accurate inner solution β(θ) */
    public double outerLoss(Tensor[] theta) {
        return validationLoss(solve(lambda1(theta), lambda2(theta)));
    }

    /**
     * The KKT hypergradient, including the accurate inner solve.
     *
     * @param theta [λ] or [λ₁, λ₂]
     * @return the validation loss and its gradient with respect to θ
     */
    public Hypergradient kkt(Tensor[] theta) {
        long start = System.nanoTime();
        Tensor beta = solve(lambda1(theta), lambda2(theta));
        Hypergradient h = kktAt(theta, beta);
        return new Hypergradient("kkt", h.loss(), h.gradient(), beta, (System.nanoTime() - start) * 1e-9);
    }

    /**
     * The KKT hypergradient at a given inner solution (the closed form alone, for timing against the solve).
     *
     * @param beta the inner solution β(θ) [n] (exact zeros off the support)
     */
    public Hypergradient kktAt(Tensor[] theta, Tensor beta) {
        long start = System.nanoTime();
        requireTheta(theta);
        double lambda2 = lambda2(theta);
        int[] support = support(beta);
        Tensor residual = xValidation.matvec(beta).sub(yValidation);
        double loss = 0.5 * residual.dot(residual) / xValidation.dim(0);
        double d1 = 0;
        double d2 = 0;
        if (support.length > 0) {
            Tensor xs = SampleColumns.gather(xTrain, support);
            int m = xTrain.dim(0);
            Tensor h = Tensor.matmul(xs, true, xs, false).mul(1.0 / m).add(Tensor.eye(support.length).mul(lambda2));
            Tensor gradS = Tensor.matvecInto(1.0 / xValidation.dim(0), SampleColumns.gather(xValidation, support), true, residual, 0, null);
            Tensor u = LinearAlgebra.current().solveSpd(h, gradS);
            for (int k = 0; k < support.length; k++) {
                double b = beta.get(support[k]);
                d1 -= u.get(k) * Math.signum(b);
                d2 -= u.get(k) * b;
            }
        }
        Tensor[] grad = learnRidge ? new Tensor[]{Tensor.scalar(d1), Tensor.scalar(d2)} : new Tensor[]{Tensor.scalar(d1)};
        return new Hypergradient("kkt", loss, grad, beta, (System.nanoTime() - start) * 1e-9);
    }

    /**
     * The same problem for the generic methods: T steps of ISTA from β₀ = 0,
     * {@code β ← S_{tλ₁}(β − t((1/m)Xᵀ(Xβ − y) + λ₂β))}, with the KKT closed form attached.
     *
     * @param innerSteps T ≥ 1
     * @param step       ISTA step t, in {@code (0, 2/(L + λ₂))} with L = {@link #dataLipschitz()}
     */
    public BilevelProblem problem(int innerSteps, double step) {
        if (!(step > 0) || Double.isInfinite(step)) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] ISTA step must be finite and > 0, got " + step);
        }
        int m = xTrain.dim(0);
        Var x = Var.constant(xTrain);
        Var y = Var.constant(yTrain);
        Var xv = Var.constant(xValidation);
        Var yv = Var.constant(yValidation);
        InnerStep ista = (beta, theta, t) -> {
            Var ridge = learnRidge ? theta[1] : Var.constant(fixedRidge);
            Var grad = Ops.add(Ops.scale(Ops.matvec(x, true, Ops.sub(Ops.matvec(x, false, beta), y)), 1.0 / m),
                    Ops.mul(ridge, beta));
            return Ops.softThreshold(Ops.sub(beta, Ops.scale(grad, step)), Ops.scale(theta[0], step));
        };
        OuterLoss validation = (beta, theta) -> {
            Var r = Ops.sub(Ops.matvec(xv, false, beta), yv);
            return Ops.scale(Ops.sum(Ops.mul(r, r)), 0.5 / xValidation.dim(0));
        };
        return BilevelProblem.builder(ista, validation, Tensor.zeros(features()), innerSteps)
                .closedForm(this::kkt).hyperparameters(hyperparameters()).build();
    }

    private static int[] support(Tensor beta) {
        int count = 0;
        for (int i = 0; i < beta.size(); i++) {
            if (beta.get(i) != 0) {
                count++;
            }
        }
        int[] s = new int[count];
        for (int i = 0, k = 0; i < beta.size(); i++) {
            if (beta.get(i) != 0) {
                s[k++] = i;
            }
        }
        return s;
    }

}
