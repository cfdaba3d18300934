package dev.fixpoint.imaging.mri;

import dev.fixpoint.operators.LinearOperator;
import dev.fixpoint.operators.LinearOperatorContract;
import dev.fixpoint.operators.WaveletFamily;
import org.junit.jupiter.api.Nested;

/** Every MRI operator passes the operators' contract (dot test at 1e-12 on ℝ²ⁿ, shapes, autodiff). */
class MriOperatorContracts {

    @Nested
    class CentredFftEven extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return MriOperators.centredFft(16, 12);
        }
    }

    @Nested
    class CentredFftOdd extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return MriOperators.centredFft(9, 7);
        }
    }

    @Nested
    class SingleCoil extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return MriOperators.singleCoil(SamplingMask.random(16, 20, 4, 0.08, 3));
        }
    }

    @Nested
    class MultiCoil extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return MriOperators.multiCoil(CoilSensitivities.birdcage(4, 16, 12),
                    SamplingMask.variableDensity(16, 12, 3, 0.1, 2, 5));
        }
    }

    @Nested
    class MultiCoilOddFull extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return MriOperators.multiCoil(CoilSensitivities.birdcage(3, 9, 11), null);
        }
    }

    @Nested
    class Wavelet extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return MriOperators.complexWavelet(16, 8, WaveletFamily.DAUBECHIES4, 2);
        }
    }

    @Nested
    class Gradient extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return MriOperators.complexGradient(10, 7);
        }
    }
}
