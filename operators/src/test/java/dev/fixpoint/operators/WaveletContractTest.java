package dev.fixpoint.operators;

import org.junit.jupiter.api.Nested;

/** {@link LinearOperatorContract} for {@link Wavelet2d}: every family, square and oblong, filters longer than blocks. */
class WaveletContractTest {

    @Nested
    class Haar8x8ThreeLevels extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return FourierOperators.wavelet2d(8, 8, WaveletFamily.HAAR, 3);
        }
    }

    @Nested
    class Haar2x6OneLevel extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return FourierOperators.wavelet2d(2, 6, WaveletFamily.HAAR, 1);
        }
    }

    @Nested
    class Daubechies4On16x12TwoLevels extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return FourierOperators.wavelet2d(16, 12, WaveletFamily.DAUBECHIES4, 2);
        }
    }

    @Nested
    class Daubechies8On32x32ThreeLevels extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return FourierOperators.wavelet2d(32, 32, WaveletFamily.DAUBECHIES8, 3);
        }
    }

    @Nested
    class Daubechies8On4x8TwoLevels extends LinearOperatorContract {  // 8 taps wrap around blocks of 2 and 4
        @Override
        protected LinearOperator operator() {
            return FourierOperators.wavelet2d(4, 8, WaveletFamily.DAUBECHIES8, 2);
        }
    }
}
