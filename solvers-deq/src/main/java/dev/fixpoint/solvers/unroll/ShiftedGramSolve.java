package dev.fixpoint.solvers.unroll;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.linalg.LinearAlgebra;

/**
 * The solve {@code (AᵀA + ρI)⁻¹ b} of the ADMM x-update, differentiable in {@code b} and in ρ: the
 * eigendecomposition {@code AᵀA = V·diag(e)·Vᵀ} is computed once, and then
 * {@code (AᵀA + ρI)⁻¹ b = V·diag(1/(e + ρ))·Vᵀ b} is two matrix products and a division recorded with
 * {@link Ops}. Cost per solve: 2n² flops per sample; construction: one n×n symmetric eigensolver.
 */
final class ShiftedGramSolve {
    private final Var vectors;      // V [n, n]
    private final Var valuesColumn; // e [n, 1]
    private final Var valuesRow;    // e [n]
    private final double smallest;

    /** @param a the matrix A [m, n] (not modified) */
    ShiftedGramSolve(Tensor a) {
        Tensor gram = Tensor.matmul(a, true, a, false);
        LinearAlgebra.SymmetricEigen eig = LinearAlgebra.current().eigh(gram);
        int n = gram.dim(0);
        this.vectors = Var.constant(eig.vectors());
        this.valuesColumn = Var.constant(eig.values().reshape(n, 1));
        this.valuesRow = Var.constant(eig.values());
        this.smallest = eig.values().data()[eig.values().offset()];
    }

    /** @return the smallest eigenvalue of AᵀA (≈ 0 when m &lt; n); {@code e + ρ} must stay positive */
    double smallestEigenvalue() {
        return smallest;
    }

    /**
     * @param b   right-hand sides as columns, [n, B]
     * @param rho the penalty, a scalar []
     * @return {@code (AᵀA + ρI)⁻¹ b}, [n, B]
     */
    Var solveColumns(Var b, Var rho) {
        Var coefficients = Ops.matmul(vectors, true, b, false);
        Var scaled = Ops.div(coefficients, Ops.add(valuesColumn, rho));
        return Ops.matmul(vectors, false, scaled, false);
    }

    /**
     * @param b   right-hand sides as rows, [B, n]
     * @param rho the penalty, a scalar []
     * @return {@code ((AᵀA + ρI)⁻¹ bᵀ)ᵀ}, [B, n]
     */
    Var solveRows(Var b, Var rho) {
        Var coefficients = Ops.matmul(b, false, vectors, false);
        Var scaled = Ops.div(coefficients, Ops.add(valuesRow, rho));
        return Ops.matmul(scaled, false, vectors, true);
    }
}
