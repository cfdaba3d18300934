package dev.fixpoint.core;

import dev.fixpoint.core.spi.LinearAlgebraBackend;
import dev.fixpoint.core.spi.Transpose;

/** Matrix products and transposition of row-major tensors through the BLAS backend. Package-private. */
final class TensorProducts {
    private TensorProducts() {
    }

    static Tensor matmul(LinearAlgebraBackend backend, double alpha, Tensor a, boolean transA,
                         Tensor b, boolean transB, double beta, Tensor out) {
        a.requireRank(2, "matmul");
        b.requireRank(2, "matmul");
        int m = transA ? a.shape[1] : a.shape[0];
        int k = transA ? a.shape[0] : a.shape[1];
        int kb = transB ? b.shape[1] : b.shape[0];
        int n = transB ? b.shape[0] : b.shape[1];
        if (k != kb) {
            throw new ShapeMismatchException("matmul" + (transA ? " (a transposed)" : "") + (transB ? " (b transposed)" : ""),
                    a.shape, b.shape, "columns of op(a) = " + k + " must equal rows of op(b) = " + kb);
        }
        Tensor c = out;
        if (c == null) {
            c = Tensor.zeros(m, n);
            beta = 0.0;
        } else if (c.shape.length != 2 || c.shape[0] != m || c.shape[1] != n) {
            throw new ShapeMismatchException("matmul (output)", c.shape, new int[]{m, n}, "output must be [" + m + ", " + n + "]");
        }
        if (m == 0 || n == 0) {
            return c;
        }
        // Row-major C (m×n) is column-major Cᵀ (n×m): Cᵀ = op(B)ᵀ · op(A)ᵀ, and a row-major X is the
        // column-major Xᵀ with leading dimension cols(X). So swap operands and keep the flags.
        backend.gemm(Transpose.of(transB), Transpose.of(transA), n, m, k, alpha,
                b.data, b.offset, Math.max(1, b.shape[1]), a.data, a.offset, Math.max(1, a.shape[1]),
                beta, c.data, c.offset, n);
        return c;
    }

    static Tensor matvec(LinearAlgebraBackend backend, double alpha, Tensor a, boolean transA, Tensor x,
                         double beta, Tensor y) {
        a.requireRank(2, "matvec");
        x.requireRank(1, "matvec");
        int rows = a.shape[0];
        int cols = a.shape[1];
        int inLen = transA ? rows : cols;
        int outLen = transA ? cols : rows;
        if (x.shape[0] != inLen) {
            throw new ShapeMismatchException("matvec" + (transA ? " (a transposed)" : ""), a.shape, x.shape,
                    "vector length must be " + inLen);
        }
        Tensor out = y;
        if (out == null) {
            out = Tensor.zeros(outLen);
            beta = 0.0;
        } else if (out.shape.length != 1 || out.shape[0] != outLen) {
            throw new ShapeMismatchException("matvec (output)", out.shape, new int[]{outLen}, "output length must be " + outLen);
        }
        if (outLen == 0) {
            return out;
        }
        // Row-major A (rows×cols) is column-major Aᵀ (cols×rows): A·x = (Aᵀ)ᵀ·x.
        backend.gemv(Transpose.of(!transA), cols, rows, alpha, a.data, a.offset, Math.max(1, cols),
                x.data, x.offset, 1, beta, out.data, out.offset, 1);
        return out;
    }

    static Tensor transpose(Tensor src) {
        int m = src.shape[0];
        int n = src.shape[1];
        Tensor t = Tensor.zeros(n, m);
        final int block = 32;
        for (int i0 = 0; i0 < m; i0 += block) {
            for (int j0 = 0; j0 < n; j0 += block) {
                int iEnd = Math.min(m, i0 + block);
                int jEnd = Math.min(n, j0 + block);
                for (int i = i0; i < iEnd; i++) {
                    for (int j = j0; j < jEnd; j++) {
                        t.data[j * m + i] = src.data[src.offset + i * n + j];
                    }
                }
            }
        }
        return t;
    }
}
