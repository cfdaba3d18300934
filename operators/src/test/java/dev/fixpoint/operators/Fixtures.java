package dev.fixpoint.operators;

import dev.fixpoint.core.Tensor;
import java.util.SplittableRandom;

/** Seeded operators with non-trivial shapes shared by the contract and value tests. */
final class Fixtures {
    private Fixtures() {
    }

    /** @return a standard-normal {@code m×n} matrix from {@code seed} */
    static Tensor matrix(long seed, int m, int n) {
        return Tensor.randn(new SplittableRandom(seed), m, n);
    }

    /** @return a random sparse {@code m×n} matrix (about a third of the entries, some rows empty) as dense */
    static Tensor sparseDense(long seed, int m, int n) {
        SplittableRandom rng = new SplittableRandom(seed);
        Tensor d = Tensor.zeros(m, n);
        for (int i = 0; i < m; i++) {
            if (i % 4 == 3) {
                continue; // an empty row
            }
            for (int j = 0; j < n; j++) {
                if (rng.nextInt(3) == 0) {
                    d.set(rng.nextDouble(-2, 2), i, j);
                }
            }
        }
        return d;
    }

    /** @return the CSR operator of a dense matrix, built from its non-zero entries in reverse order */
    static LinearOperator csrOf(Tensor dense) {
        int m = dense.dim(0);
        int n = dense.dim(1);
        CsrBuilder b = Operators.csrBuilder(m, n);
        for (int i = m - 1; i >= 0; i--) {
            for (int j = n - 1; j >= 0; j--) {
                double v = dense.get(i, j);
                if (v != 0) {
                    b.add(i, j, v);
                }
            }
        }
        return b.build();
    }

    /** @return the matrix of {@code a} (rangeSize × domainSize), column {@code j} = {@code A e_j} flattened */
    static Tensor denseOf(LinearOperator a) {
        int m = a.rangeSize();
        int n = a.domainSize();
        Tensor d = Tensor.zeros(m, n);
        Tensor e = Tensor.zeros(a.domainShape());
        for (int j = 0; j < n; j++) {
            e.data()[j] = 1;
            Tensor col = a.apply(e);
            for (int i = 0; i < m; i++) {
                d.set(col.data()[i], i, j);
            }
            e.data()[j] = 0;
        }
        return d;
    }

    /** @return {@code A x} (or {@code Aᵀ x}) for the dense matrix {@code A} by a naive double loop, transposed if asked */
    static Tensor naiveMatvec(Tensor a, boolean transpose, Tensor x) {
        int m = a.dim(0);
        int n = a.dim(1);
        Tensor out = Tensor.zeros(transpose ? n : m);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (transpose) {
                    out.data()[j] += a.get(i, j) * x.data()[i];
                } else {
                    out.data()[i] += a.get(i, j) * x.data()[j];
                }
            }
        }
        return out;
    }
}
