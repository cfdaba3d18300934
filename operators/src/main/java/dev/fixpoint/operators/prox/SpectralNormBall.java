package dev.fixpoint.operators.prox;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;

/**
 * The indicator of the spectral-norm ball {@code {X : σ_max(X) ≤ r}} ({@code r > 0}) for matrices
 * {@code [m, n]}. Prox (projection) through the thin SVD: {@code U·diag(min(s, r))·Vᵀ}. Conjugate:
 * {@code r‖Y‖_*}, returned by {@link #conjugate()} as a {@link NuclearNorm}. Matrices with
 * {@code σ_max ≤ r(1 + 1e-12)} count as inside.
 */
public final class SpectralNormBall extends ProximalFunction {
    private final double radius;

    SpectralNormBall(double radius) {
        this.radius = Parameters.positive("spectralNormBall", "radius r", radius);
    }

    /** @return r */
    public double radius() {
        return radius;
    }

    @Override
    public String name() {
        return "spectralNormBall(r=" + radius + ")";
    }

    @Override
    public boolean isIndicator() {
        return true;
    }

    @Override
    public double value(Tensor x) {
        Parameters.rank(name() + ".value", x, 2);
        double smax = x.size() == 0 ? 0 : NuclearNorm.singularValues(x).max();
        return Parameters.withinBound(smax, radius) ? 0 : Double.POSITIVE_INFINITY;
    }

    @Override
    protected void computeProx(Tensor v, double tau, Tensor out) {
        Parameters.rank(name() + ".prox", v, 2);
        double r = radius;
        NuclearNorm.mapSingularValues(v, out, s -> Math.min(s, r));
    }

    @Override
    public double conjugateValue(Tensor y) {
        Parameters.rank(name() + ".conjugateValue", y, 2);
        return radius * NuclearNorm.singularValues(y).sum();
    }

    @Override
    public ProximalFunction conjugate() {
        return new NuclearNorm(radius);
    }
}
