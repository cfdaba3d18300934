package dev.fixpoint.core.internal;

import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.linalg.LinearAlgebra;
import dev.fixpoint.core.spi.LinearAlgebraBackend;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.core.spi.SuiteContext;
import dev.fixpoint.core.spi.SuiteParameter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code core-selfcheck}: checks the selected backend on random problems of size {@code n} and
 * reports LAPACK-style test ratios, {@code ‖residual‖ / (n · ε · scale)} with {@code ε = 2⁻⁵²},
 * which LAPACK's own test suite accepts below 30: gemm against direct dot products, LU and Cholesky
 * solves (normwise backward error), symmetric eigendecomposition, SVD, QR and least squares
 * (residual and orthogonality). Also measures gemm throughput. Artifacts: the spectrum of the SPD test
 * matrix and the singular values of the rectangular one (PNG plot and CSV).
 */
final class SelfCheckSuite implements Suite {
    private static final double EPS = Math.ulp(1.0);
    private static final double THRESHOLD = 30;

    @Override
    public String name() {
        return "core-selfcheck";
    }

    @Override
    public String description() {
        return "Checks the selected linear-algebra backend on random n×n problems: gemm, LU and Cholesky "
                + "solves, symmetric eigendecomposition, SVD, QR, least squares (LAPACK-style test ratios, "
                + "pass below 30) and gemm throughput.";
    }

    @Override
    public List<SuiteParameter> parameters() {
        return List.of(
                SuiteParameter.integer("n", 500, 2, 4000, "matrix size (rows and columns of the square test matrices)"),
                SuiteParameter.integer("seed", 42, 0, Long.MAX_VALUE, "seed of the random test matrices"));
    }

    @Override
    public Map<String, String> quickProfile() {
        return Map.of("n", "200");
    }

    @Override
    public Report run(SuiteContext ctx) throws Exception {
        int n = (int) ctx.integer("n");
        SplittableRandom rng = new SplittableRandom(ctx.integer("seed"));
        LinearAlgebraBackend backend = ctx.backend();
        LinearAlgebra la = LinearAlgebra.on(backend);
        ProgressListener progress = ctx.progress();
        Report.Builder report = Report.builder(name());
        progress.begin("core-selfcheck on " + backend.name(), 7);

        Tensor a = Tensor.randn(rng, n, n);
        Tensor b = Tensor.randn(rng, n, n);
        Tensor c = Tensor.matmulInto(backend, 1.0, a, false, b, false, 0.0, null);
        long t0 = System.nanoTime();
        int reps = 0;
        do {
            Tensor.matmulInto(backend, 1.0, a, false, b, false, 0.0, c);
            reps++;
        } while (System.nanoTime() - t0 < 300_000_000L && reps < 50);
        double seconds = (System.nanoTime() - t0) * 1e-9 / reps;
        ratio(report, "gemm ratio (256 sampled entries vs dot products)", gemmRatio(a, b, c, rng));
        report.metric("gemm throughput n=" + n, 2.0 * n * n * n / seconds * 1e-9, "GFLOPS");
        progress.advance(1);

        Tensor x = Tensor.randn(rng, n);
        Tensor rhs = a.matvec(x);
        Tensor xs = la.solve(a, rhs);
        ratio(report, "LU solve backward-error ratio", backwardError(a, xs, rhs) / (n * EPS));
        progress.advance(1);

        Tensor spd = Tensor.matmul(a, true, a, false).add(Tensor.eye(n).mul(n));
        Tensor rhsSpd = spd.matvec(x);
        Tensor xc = la.solveSpd(spd, rhsSpd);
        ratio(report, "Cholesky solve backward-error ratio", backwardError(spd, xc, rhsSpd) / (n * EPS));
        progress.advance(1);

        LinearAlgebra.SymmetricEigen eig = la.eigh(spd);
        Tensor v = eig.vectors();
        Tensor av = spd.matmul(v);
        Tensor vl = scaleColumns(v, eig.values());
        ratio(report, "eigh residual ratio ‖AV−VΛ‖/(nε‖A‖)", av.sub(vl).norm() / (n * EPS * spd.norm()));
        ratio(report, "eigh orthogonality ratio ‖VᵀV−I‖/(nε)", orthogonality(v) / (n * EPS));
        progress.advance(1);

        int cols = Math.max(1, n / 2);
        Tensor r = Tensor.randn(rng, n, cols);
        LinearAlgebra.Svd svd = la.svd(r);
        Tensor recon = scaleColumns(svd.u(), svd.s()).matmul(svd.vt());
        ratio(report, "svd reconstruction ratio ‖A−USVᵀ‖/(nε‖A‖)", recon.sub(r).norm() / (n * EPS * r.norm()));
        ratio(report, "svd orthogonality ratio ‖UᵀU−I‖/(nε)", orthogonality(svd.u()) / (n * EPS));
        progress.advance(1);

        LinearAlgebra.Qr qr = la.qr(r);
        ratio(report, "qr reconstruction ratio ‖A−QR‖/(nε‖A‖)", qr.q().matmul(qr.r()).sub(r).norm() / (n * EPS * r.norm()));
        ratio(report, "qr orthogonality ratio ‖QᵀQ−I‖/(nε)", orthogonality(qr.q()) / (n * EPS));
        progress.advance(1);

        Tensor y = Tensor.randn(rng, n);
        Tensor ls = la.lstsq(r, y);
        Tensor resid = r.matvec(ls).sub(y);
        Tensor normal = Tensor.matvecInto(1.0, r, true, resid, 0.0, null);
        double scale = r.norm() * (r.norm() * ls.norm() + y.norm());
        ratio(report, "lstsq normal-equations ratio ‖Aᵀ(Ax−b)‖/(nε‖A‖(‖A‖‖x‖+‖b‖))", normal.norm() / (n * EPS * scale));
        progress.advance(1);

        double[] spectrum = reversed(eig.values().toArray());
        double[] sing = svd.s().toArray();
        report.artifact(ctx.writeArtifact("spectrum.png", "eigenvalues of AᵀA + nI and singular values of the n×n/2 test matrix",
                out -> new LinePlot("Spectra of the self-check matrices (n=" + n + ", " + backend.name() + ")",
                        "index (descending)", "value", true)
                        .series("eigenvalues of AᵀA + nI", spectrum)
                        .series("singular values of R (n×n/2)", sing)
                        .writePng(out, 800, 480)));
        report.artifact(ctx.writeArtifact("spectrum.csv", "the plotted values",
                out -> out.write(csv(spectrum, sing).getBytes(StandardCharsets.UTF_8))));
        progress.end();
        return report.summary("Backend '" + backend.name() + "' on n=" + n + ": "
                + (report.build().passed() ? "all test ratios below 30" : "SOME TEST RATIOS EXCEED 30")).build();
    }

    private static void ratio(Report.Builder report, String name, double value) {
        report.metric(name, value, "", "≤ 30", value <= THRESHOLD);
    }

    /** max over sampled (i, j) of |C_ij − Σ_k A_ik B_kj| / (n ε Σ_k |A_ik||B_kj|). */
    private static double gemmRatio(Tensor a, Tensor b, Tensor c, SplittableRandom rng) {
        int n = a.dim(0);
        int k = a.dim(1);
        int m = b.dim(1);
        double worst = 0;
        SplittableRandom r = rng.split();
        for (int s = 0; s < 256; s++) {
            int i = r.nextInt(n);
            int j = r.nextInt(m);
            double ref = 0;
            double mag = 0;
            for (int p = 0; p < k; p++) {
                double t = a.get(i, p) * b.get(p, j);
                ref += t;
                mag += Math.abs(t);
            }
            worst = Math.max(worst, Math.abs(c.get(i, j) - ref) / (k * EPS * Math.max(mag, Double.MIN_NORMAL)));
        }
        return worst;
    }

    private static double backwardError(Tensor a, Tensor x, Tensor b) {
        return a.matvec(x).sub(b).norm() / (a.norm() * x.norm() + b.norm());
    }

    private static double orthogonality(Tensor q) {
        return Tensor.matmul(q, true, q, false).sub(Tensor.eye(q.dim(1))).norm();
    }

    private static Tensor scaleColumns(Tensor m, Tensor s) {
        Tensor out = m.copy();
        int rows = m.dim(0);
        int cols = m.dim(1);
        double[] d = out.data();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                d[i * cols + j] *= s.get(j);
            }
        }
        return out;
    }

    private static double[] reversed(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[v.length - 1 - i];
        }
        return r;
    }

    private static String csv(double[] eigen, double[] sing) {
        StringBuilder sb = new StringBuilder("index,eigenvalue_spd,singular_value\n");
        for (int i = 0; i < Math.max(eigen.length, sing.length); i++) {
            sb.append(i + 1).append(',').append(i < eigen.length ? Double.toString(eigen[i]) : "")
                    .append(',').append(i < sing.length ? Double.toString(sing[i]) : "").append('\n');
        }
        return sb.toString();
    }
}
