package dev.fixpoint.operators;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the dot-test error {@code |⟨Ax, y⟩ − ⟨x, Aᵀy⟩| / (‖x‖‖y‖)} of the Fourier-family
 * operators at working sizes (figures shown with -DargLine=-Dfixpoint.results=INFO); all are
 * norm-one or small-norm operators, so the bound is well below the contract's 1e-12·‖A‖.
 */
class FourierAdjointErrorsTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    @Test
    void dotTestErrorsAtWorkingSizes() {
        SplittableRandom rng = new SplittableRandom(31);
        List<LinearOperator> ops = List.of(
                FourierOperators.dft1d(1000),
                FourierOperators.dft2d(128, 96),
                FourierOperators.dft2d(127, 61),
                FourierOperators.convolution2d(Tensor.randn(rng, 5, 5).mul(0.2), 128, 96, ConvolutionBoundary.ZERO),
                FourierOperators.convolution2d(Tensor.randn(rng, 4, 6).mul(0.2), 127, 61, ConvolutionBoundary.PERIODIC),
                FourierOperators.wavelet2d(128, 96, WaveletFamily.HAAR, 5),
                FourierOperators.wavelet2d(128, 96, WaveletFamily.DAUBECHIES4, 5),
                FourierOperators.wavelet2d(128, 96, WaveletFamily.DAUBECHIES8, 5));
        for (LinearOperator a : ops) {
            double worst = 0;
            for (int trial = 0; trial < 3; trial++) {
                Tensor x = Tensor.randn(rng, a.domainShape());
                Tensor y = Tensor.randn(rng, a.rangeShape());
                double err = Math.abs(a.apply(x).dot(y) - x.dot(a.adjoint(y))) / (x.norm() * y.norm());
                worst = Math.max(worst, err);
            }
            RESULTS.info("{}: dot-test |⟨Ax,y⟩ − ⟨x,Aᵀy⟩|/(‖x‖‖y‖) = {}", a.name(), worst);
            assertTrue(worst < 1e-13, a.name() + ": dot-test error " + worst);
        }
    }
}
