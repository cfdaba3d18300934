package dev.fixpoint.core.internal;

import dev.fixpoint.core.spi.Transpose;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * Blocked, multithreaded {@code C ← alpha·op(A)·op(B) + beta·C} in pure Java, for
 * {@link PureJavaBackend}.
 *
 * <p>Algorithm: {@code C} is first scaled by {@code beta} (set to zero without being read when
 * {@code beta == 0}). Then, for each {@link #KC}-deep slice of the inner dimension and each
 * {@link #MC}-row block, {@code alpha·op(A)} is packed into a contiguous column-major buffer, and
 * every column {@code j} of {@code C} is updated by the axpy-style kernel
 * {@code c[i] += a0[i]·b0j + a1[i]·b1j + a2[i]·b2j + a3[i]·b3j} over contiguous memory, which C2
 * auto-vectorises. The column of {@code C} being updated ({@code MC} doubles) stays in L1 and the
 * packed block ({@code MC·KC} doubles, 256 KiB) in L2. When {@code m·n·k} exceeds
 * {@link #PARALLEL_THRESHOLD}, the columns of {@code C} are split among tasks of the ForkJoin
 * common pool; each task allocates its own pack buffer. Stateless and thread-safe.
 */
final class JavaGemm {
    /** Rows of op(A) per packed block. */
    static final int MC = 128;
    /** Depth (inner dimension) per packed block. */
    static final int KC = 256;
    /** Work ({@code m·n·k}) above which the columns of C are split among threads. */
    static final long PARALLEL_THRESHOLD = 1L << 18;
    /** Fewest columns of C given to one task, so that packing stays a small fraction of the work. */
    private static final int MIN_COLUMNS_PER_TASK = 16;

    private JavaGemm() {
    }

    /** Arguments must already be checked; see {@link dev.fixpoint.core.spi.LinearAlgebraBackend#gemm}. */
    static void gemm(Transpose transA, Transpose transB, int m, int n, int k, double alpha,
                     double[] a, int offA, int lda, double[] b, int offB, int ldb,
                     double beta, double[] c, int offC, int ldc) {
        if (m == 0 || n == 0 || ((alpha == 0 || k == 0) && beta == 1)) {
            return;
        }
        if (alpha == 0 || k == 0) {
            scale(m, 0, n, beta, c, offC, ldc);
            return;
        }
        Operands op = new Operands(transA.isTransposed(), transB.isTransposed(), m, k, alpha,
                a, offA, lda, b, offB, ldb, beta, c, offC, ldc);
        long work = (long) m * n * k;
        int threads = ForkJoinPool.getCommonPoolParallelism() + 1;
        int tasks = (int) Math.min(Math.min(2L * threads, n / MIN_COLUMNS_PER_TASK), Integer.MAX_VALUE);
        if (work <= PARALLEL_THRESHOLD || tasks < 2) {
            op.columns(0, n, new double[Math.min(m, MC) * Math.min(k, KC)]);
            return;
        }
        List<RecursiveAction> parts = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            int j0 = (int) ((long) n * t / tasks);
            int j1 = (int) ((long) n * (t + 1) / tasks);
            parts.add(new RecursiveAction() {
                @Override
                protected void compute() {
                    op.columns(j0, j1, new double[Math.min(m, MC) * Math.min(k, KC)]);
                }
            });
        }
        ForkJoinTask.invokeAll(parts);
    }

    /** {@code C(0:m, j0:j1) ← beta·C}; {@code beta == 0} writes zeros without reading. */
    private static void scale(int m, int j0, int j1, double beta, double[] c, int offC, int ldc) {
        if (beta == 1) {
            return;
        }
        for (int j = j0; j < j1; j++) {
            int cj = offC + j * ldc;
            if (beta == 0) {
                java.util.Arrays.fill(c, cj, cj + m, 0.0);
            } else {
                for (int i = 0; i < m; i++) {
                    c[cj + i] *= beta;
                }
            }
        }
    }

    /** The operands of one call; {@link #columns} computes a range of columns of C. */
    private record Operands(boolean ta, boolean tb, int m, int k, double alpha,
                            double[] a, int offA, int lda, double[] b, int offB, int ldb,
                            double beta, double[] c, int offC, int ldc) {

        void columns(int j0, int j1, double[] pack) {
            scale(m, j0, j1, beta, c, offC, ldc);
            for (int p0 = 0; p0 < k; p0 += KC) {
                int kc = Math.min(KC, k - p0);
                for (int i0 = 0; i0 < m; i0 += MC) {
                    int mc = Math.min(MC, m - i0);
                    packA(i0, mc, p0, kc, pack);
                    for (int j = j0; j < j1; j++) {
                        kernel(mc, kc, pack, p0, j, offC + i0 + j * ldc);
                    }
                }
            }
        }

        /** {@code pack[p·mc + i] = alpha·op(A)(i0 + i, p0 + p)}. */
        private void packA(int i0, int mc, int p0, int kc, double[] pack) {
            if (!ta) {
                for (int p = 0; p < kc; p++) {
                    int src = offA + i0 + (p0 + p) * lda;
                    int dst = p * mc;
                    for (int i = 0; i < mc; i++) {
                        pack[dst + i] = alpha * a[src + i];
                    }
                }
            } else {
                // op(A)(i, p) = A(p, i): read columns of A contiguously, scatter with stride mc
                for (int i = 0; i < mc; i++) {
                    int src = offA + p0 + (i0 + i) * lda;
                    for (int p = 0; p < kc; p++) {
                        pack[p * mc + i] = alpha * a[src + p];
                    }
                }
            }
        }

        /** {@code C(i0:i0+mc, j) += packedA · op(B)(p0:p0+kc, j)}, four depths per pass. */
        private void kernel(int mc, int kc, double[] pack, int p0, int j, int cj) {
            int bIndex;
            int bStride;
            if (!tb) {
                bIndex = offB + p0 + j * ldb;
                bStride = 1;
            } else {
                bIndex = offB + j + p0 * ldb;
                bStride = ldb;
            }
            double[] cc = c;
            int p = 0;
            for (; p + 3 < kc; p += 4) {
                double b0 = b[bIndex];
                double b1 = b[bIndex + bStride];
                double b2 = b[bIndex + 2 * bStride];
                double b3 = b[bIndex + 3 * bStride];
                bIndex += 4 * bStride;
                int a0 = p * mc;
                int a1 = a0 + mc;
                int a2 = a1 + mc;
                int a3 = a2 + mc;
                for (int i = 0; i < mc; i++) {
                    cc[cj + i] += pack[a0 + i] * b0 + pack[a1 + i] * b1 + pack[a2 + i] * b2 + pack[a3 + i] * b3;
                }
            }
            for (; p < kc; p++) {
                double b0 = b[bIndex];
                bIndex += bStride;
                int a0 = p * mc;
                for (int i = 0; i < mc; i++) {
                    cc[cj + i] += pack[a0 + i] * b0;
                }
            }
        }
    }
}
