package dev.fixpoint.operators.prox;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;

/**
 * Factories for the library of proximal functions. Each returns an immutable, thread-safe
 * {@link ProximalFunction}; parameters are validated at once ({@code [fixpoint/BadParameter]} naming
 * the value and the accepted range). Tensor arguments are copied.
 */
public final class Proximals {
    private Proximals() {
    }

    /** @return {@code f(x) = 0} */
    public static ZeroFunction zero() {
        return new ZeroFunction();
    }

    /** @return {@code λ‖x‖₁} ({@code λ ≥ 0}) */
    public static L1Norm l1(double lambda) {
        return new L1Norm(lambda, null);
    }

    /** @return {@code λ Σᵢ wᵢ|xᵢ|} ({@code λ ≥ 0}, {@code wᵢ ≥ 0} finite; inputs must have the weights' shape) */
    public static L1Norm weightedL1(double lambda, Tensor weights) {
        return new L1Norm(lambda, weights);
    }

    /** @return {@code λ‖x‖₂} ({@code λ > 0}) */
    public static L2Norm l2Norm(double lambda) {
        return new L2Norm(lambda);
    }

    /** @return {@code λ‖x‖∞} ({@code λ > 0}) */
    public static LInfNorm linfNorm(double lambda) {
        return new LInfNorm(lambda);
    }

    /** @return {@code (λ/2)‖x‖₂²} ({@code λ > 0}) */
    public static SquaredL2Norm squaredL2(double lambda) {
        return new SquaredL2Norm(lambda);
    }

    /** @return {@code λ₁‖x‖₁ + (λ₂/2)‖x‖₂²} ({@code λ₁, λ₂ ≥ 0}) */
    public static ElasticNet elasticNet(double lambda1, double lambda2) {
        return new ElasticNet(lambda1, lambda2);
    }

    /** @return the Huber loss with threshold {@code δ > 0} */
    public static HuberLoss huber(double delta) {
        return new HuberLoss(delta);
    }

    /** @return the indicator of {@code [lo, hi]} elementwise ({@code lo ≤ hi}; infinite bounds allowed) */
    public static BoxIndicator box(double lo, double hi) {
        return new BoxIndicator(lo, hi);
    }

    /** @return the indicator of {@code {loᵢ ≤ xᵢ ≤ hiᵢ}} (bounds of equal shape, {@code lo ≤ hi} elementwise) */
    public static BoxIndicator box(Tensor lo, Tensor hi) {
        return new BoxIndicator(lo, hi);
    }

    /** @return the indicator of {@code {x ≥ 0}} */
    public static NonNegativeIndicator nonNegative() {
        return new NonNegativeIndicator();
    }

    /** @return the indicator of the simplex {@code {x ≥ 0, Σx = r}} ({@code r > 0}) */
    public static SimplexIndicator simplex(double r) {
        return new SimplexIndicator(r);
    }

    /** @return the indicator of {@code {‖x‖₁ ≤ r}} ({@code r > 0}) */
    public static L1BallIndicator l1Ball(double r) {
        return new L1BallIndicator(r);
    }

    /** @return the indicator of {@code {‖x‖₂ ≤ r}} ({@code r > 0}) */
    public static L2BallIndicator l2Ball(double r) {
        return new L2BallIndicator(r);
    }

    /** @return the indicator of {@code {‖x‖∞ ≤ r}} ({@code r > 0}) */
    public static LInfBallIndicator linfBall(double r) {
        return new LInfBallIndicator(r);
    }

    /**
     * @param shape  the shape of the inputs
     * @param groups flat (row-major) indices; must partition {@code [0, size)} (disjoint, complete, non-empty)
     * @return {@code λ Σ_g ‖x_g‖₂} ({@code λ ≥ 0})
     */
    public static GroupL1Norm groupL1(double lambda, int[] shape, int[][] groups) {
        return new GroupL1Norm(lambda, shape, groups, null);
    }

    /** @return {@code λ Σ_g w_g‖x_g‖₂} with one weight {@code w_g ≥ 0} per group; see {@link #groupL1(double, int[], int[][])} */
    public static GroupL1Norm groupL1(double lambda, int[] shape, int[][] groups, double[] groupWeights) {
        return new GroupL1Norm(lambda, shape, groups, groupWeights);
    }

    /** @return {@code λ‖X‖_*} for matrices ({@code λ > 0}) */
    public static NuclearNorm nuclearNorm(double lambda) {
        return new NuclearNorm(lambda);
    }

    /** @return the indicator of {@code {X : ‖X‖₂ ≤ r}} (spectral norm, {@code r > 0}) */
    public static SpectralNormBall spectralNormBall(double r) {
        return new SpectralNormBall(r);
    }

    /** @return {@code −μ Σ log xᵢ} ({@code μ > 0}) */
    public static LogBarrier logBarrier(double mu) {
        return new LogBarrier(mu);
    }

    /** @return the indicator of {@code {x : Ax = b}} ({@code A [m, n]} of full row rank, {@code b [m]}) */
    public static AffineSetIndicator affineSet(Tensor a, Tensor b) {
        return new AffineSetIndicator(a, b);
    }

    /** @return the Kullback–Leibler / Poisson data fit {@code Σ xᵢ − yᵢ log xᵢ} ({@code y ≥ 0}) */
    public static KullbackLeibler kullbackLeibler(Tensor y) {
        return new KullbackLeibler(y);
    }

    /** @return {@code ½xᵀQx + qᵀx} ({@code Q [n, n]} symmetric PSD, {@code q [n]}) */
    public static QuadraticFunction quadratic(Tensor q, Tensor linear) {
        return new QuadraticFunction(q, linear);
    }

    /**
     * @param blockSizes the lengths of the consecutive blocks of the flat input
     * @param parts      one function per block
     * @return {@code Σₖ fₖ(x_k)} on vectors of length {@code Σ blockSizes}
     */
    public static SeparableSum separable(int[] blockSizes, ProximalFunction... parts) {
        int[][] shapes = new int[blockSizes.length][];
        for (int k = 0; k < blockSizes.length; k++) {
            shapes[k] = new int[]{blockSizes[k]};
        }
        return new SeparableSum(shapes, parts);
    }

    /**
     * @param blockShapes the shapes in which the consecutive blocks of the flat input are given to the parts
     * @param parts       one function per block
     * @return {@code Σₖ fₖ(x_k)} on vectors of length {@code Σ size(blockShapes[k])}
     */
    public static SeparableSum separable(int[][] blockShapes, ProximalFunction... parts) {
        return new SeparableSum(blockShapes, parts);
    }
}
