package dev.fixpoint.operators.registry;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.operators.ConvolutionBoundary;
import dev.fixpoint.operators.DifferenceBoundary;
import dev.fixpoint.operators.FourierOperators;
import dev.fixpoint.operators.LinearOperator;
import dev.fixpoint.operators.Operators;
import dev.fixpoint.operators.ProximalFunction;
import dev.fixpoint.operators.WaveletFamily;
import dev.fixpoint.operators.prox.Proximals;
import dev.fixpoint.operators.prox.TotalVariation1d;
import dev.fixpoint.operators.prox.TotalVariation2d;
import java.util.List;
import java.util.function.Function;

/**
 * Binds the built-in entries of {@link ProximalRegistry} and {@link OperatorRegistry}: every
 * function and operator whose arguments are numbers, names or shapes. Entries that need data
 * (weights, groups, a matrix, observed counts, a kernel) are created through {@link Proximals},
 * {@link Operators} and {@link FourierOperators} instead.
 *
 * <p>Proximal functions: {@code zero, l1(lambda), l2(lambda), linf(lambda), squared-l2(lambda),
 * elastic-net(lambda1, lambda2), huber(delta, lambda), box(lo, hi), nonneg, simplex(r), l1-ball(r),
 * l2-ball(r), linf-ball(r), nuclear(lambda), spectral-ball(r), log-barrier(mu), tv1d(lambda),
 * tv2d(lambda, norm=isotropic|anisotropic, tol, maxiter)}; {@code lambda}, {@code r} and
 * {@code mu} default to 1.
 *
 * <p>Operators: {@code identity(shape), gradient2d(shape=HxW), finite-difference1d(n,
 * boundary=free|neumann|periodic), dft1d(n), dft2d(shape=HxW), wavelet2d(shape=HxW,
 * family=haar|db2|db4, levels), blur2d(shape=HxW, size, boundary=zero|periodic)} (a uniform
 * {@code size×size} averaging kernel).
 */
public final class OperatorsModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder<String, ProximalFactory> prox = ProximalRegistry.binder(binder());
        prox(prox, "zero", "f = 0", a -> Proximals.zero());
        prox(prox, "l1", "λ‖x‖₁ (lambda=1)", a -> Proximals.l1(a.real("lambda", 1)));
        prox(prox, "l2", "λ‖x‖₂ (lambda=1)", a -> Proximals.l2Norm(a.real("lambda", 1)));
        prox(prox, "linf", "λ‖x‖∞ (lambda=1)", a -> Proximals.linfNorm(a.real("lambda", 1)));
        prox(prox, "squared-l2", "(λ/2)‖x‖² (lambda=1)", a -> Proximals.squaredL2(a.real("lambda", 1)));
        prox(prox, "elastic-net", "λ₁‖x‖₁ + (λ₂/2)‖x‖² (lambda1, lambda2)",
                a -> Proximals.elasticNet(a.real("lambda1"), a.real("lambda2")));
        prox(prox, "huber", "λ·Huber_δ(x) (delta=1, lambda=1)",
                a -> scaled(Proximals.huber(a.real("delta", 1)), a.real("lambda", 1)));
        prox(prox, "box", "indicator of lo ≤ x ≤ hi (lo, hi)", a -> Proximals.box(a.real("lo"), a.real("hi")));
        prox(prox, "nonneg", "indicator of x ≥ 0", a -> Proximals.nonNegative());
        prox(prox, "simplex", "indicator of {x ≥ 0, Σx = r} (r=1)", a -> Proximals.simplex(a.real("r", 1)));
        prox(prox, "l1-ball", "indicator of ‖x‖₁ ≤ r (r=1)", a -> Proximals.l1Ball(a.real("r", 1)));
        prox(prox, "l2-ball", "indicator of ‖x‖₂ ≤ r (r=1)", a -> Proximals.l2Ball(a.real("r", 1)));
        prox(prox, "linf-ball", "indicator of ‖x‖∞ ≤ r (r=1)", a -> Proximals.linfBall(a.real("r", 1)));
        prox(prox, "nuclear", "λ‖X‖_* for matrices (lambda=1)", a -> Proximals.nuclearNorm(a.real("lambda", 1)));
        prox(prox, "spectral-ball", "indicator of ‖X‖₂ ≤ r for matrices (r=1)",
                a -> Proximals.spectralNormBall(a.real("r", 1)));
        prox(prox, "log-barrier", "−μ Σ log(x) (mu=1)", a -> Proximals.logBarrier(a.real("mu", 1)));
        prox(prox, "tv1d", "λ Σ|x_{i+1} − x_i|, exact (lambda=1)", a -> new TotalVariation1d(a.real("lambda", 1)));
        prox(prox, "tv2d", "λ·TV(x) of an image (lambda=1, norm=isotropic|anisotropic, tol=1e-6, maxiter=20000)",
                a -> new TotalVariation2d(a.real("lambda", 1),
                        a.choice("norm", "isotropic", List.of("isotropic", "anisotropic")).equals("isotropic")
                                ? TotalVariation2d.Norm.ISOTROPIC : TotalVariation2d.Norm.ANISOTROPIC,
                        a.real("tol", TotalVariation2d.DEFAULT_TOLERANCE),
                        a.integer("maxiter", TotalVariation2d.DEFAULT_MAX_ITERATIONS)));

        MapBinder<String, OperatorFactory> ops = OperatorRegistry.binder(binder());
        op(ops, "identity", "I on a tensor shape (shape=HxW or n)", a -> Operators.identity(a.shape("shape")));
        op(ops, "gradient2d", "forward differences, Neumann; [h,w] → [2,h,w] (shape=HxW)",
                a -> Operators.gradient2d(dim(a, 2)[0], dim(a, 2)[1]));
        op(ops, "finite-difference1d", "forward differences of [n] (n, boundary=free|neumann|periodic)",
                a -> Operators.finiteDifference1d(a.integer("n"), DifferenceBoundary.valueOf(
                        a.choice("boundary", "free", List.of("free", "neumann", "periodic")).toUpperCase(java.util.Locale.ROOT))));
        op(ops, "dft1d", "unitary DFT of [n, 2] complex pairs (n)", a -> FourierOperators.dft1d(a.integer("n")));
        op(ops, "dft2d", "unitary 2-D DFT of [h, w, 2] complex pairs (shape=HxW)",
                a -> FourierOperators.dft2d(dim(a, 2)[0], dim(a, 2)[1]));
        op(ops, "wavelet2d", "orthonormal periodic 2-D wavelets (shape=HxW, family=haar|db2|db4, levels=1)",
                a -> FourierOperators.wavelet2d(dim(a, 2)[0], dim(a, 2)[1], family(a), a.integer("levels", 1)));
        op(ops, "blur2d", "uniform size×size averaging convolution (shape=HxW, size=3, boundary=zero|periodic)", a -> {
            int size = a.integer("size", 3);
            if (size < 1) {
                throw new FixpointException("BadParameter", "'blur2d': size=" + size + " must be ≥ 1");
            }
            int[] s = dim(a, 2);
            ConvolutionBoundary b = a.choice("boundary", "zero", List.of("zero", "periodic")).equals("zero")
                    ? ConvolutionBoundary.ZERO : ConvolutionBoundary.PERIODIC;
            return FourierOperators.convolution2d(dev.fixpoint.core.Tensor.full(1.0 / (size * size), size, size),
                    s[0], s[1], b);
        });
    }

    private static ProximalFunction scaled(ProximalFunction f, double lambda) {
        return lambda == 1 ? f : f.scaled(lambda);
    }

    private static WaveletFamily family(FactoryArguments a) {
        return switch (a.choice("family", "haar", List.of("haar", "db2", "db4"))) {
            case "db2" -> WaveletFamily.DAUBECHIES4;
            case "db4" -> WaveletFamily.DAUBECHIES8;
            default -> WaveletFamily.HAAR;
        };
    }

    private static int[] dim(FactoryArguments a, int rank) {
        int[] s = a.shape("shape");
        if (s.length != rank) {
            throw new FixpointException("BadParameter", "shape=" + java.util.Arrays.toString(s) + " must have "
                    + rank + " dimensions (e.g. 64x64)");
        }
        return s;
    }

    private static void prox(MapBinder<String, ProximalFactory> binder, String name, String description,
                             Function<FactoryArguments, ProximalFunction> create) {
        binder.addBinding(name).toInstance(new ProximalFactory() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public ProximalFunction create(FactoryArguments args) {
                return create.apply(args);
            }
        });
    }

    private static void op(MapBinder<String, OperatorFactory> binder, String name, String description,
                           Function<FactoryArguments, LinearOperator> create) {
        binder.addBinding(name).toInstance(new OperatorFactory() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public LinearOperator create(FactoryArguments args) {
                return create.apply(args);
            }
        });
    }
}
