package dev.fixpoint.operators;

import dev.fixpoint.core.Tensor;
import org.junit.jupiter.api.Nested;

/** {@link LinearOperatorContract} for {@link Convolution2d}: both boundaries, odd/even sizes and kernels. */
class ConvolutionContractTest {

    static Tensor kernel(long seed, int kh, int kw) {
        return Tensor.randn(seed, kh, kw);
    }

    @Nested
    class Zero3x3On7x5 extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return FourierOperators.convolution2d(kernel(1, 3, 3), 7, 5, ConvolutionBoundary.ZERO);
        }
    }

    @Nested
    class Zero4x2On6x9 extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return FourierOperators.convolution2d(kernel(2, 4, 2), 6, 9, ConvolutionBoundary.ZERO);
        }
    }

    @Nested
    class ZeroKernelLargerThanImage extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return FourierOperators.convolution2d(kernel(3, 7, 5), 3, 4, ConvolutionBoundary.ZERO);
        }
    }

    @Nested
    class Periodic5x5On16x16 extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return FourierOperators.convolution2d(kernel(4, 5, 5), 16, 16, ConvolutionBoundary.PERIODIC);
        }
    }

    @Nested
    class Periodic2x3On5x7 extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return FourierOperators.convolution2d(kernel(5, 2, 3), 5, 7, ConvolutionBoundary.PERIODIC);
        }
    }

    @Nested
    class PeriodicKernelLargerThanImage extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return FourierOperators.convolution2d(kernel(6, 6, 7), 3, 2, ConvolutionBoundary.PERIODIC);
        }
    }
}
