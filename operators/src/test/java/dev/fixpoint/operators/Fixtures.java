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
}
