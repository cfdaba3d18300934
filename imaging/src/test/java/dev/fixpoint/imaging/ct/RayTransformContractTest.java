package dev.fixpoint.imaging.ct;

import dev.fixpoint.imaging.phantom.ImageGrid;
import dev.fixpoint.operators.LinearOperator;
import dev.fixpoint.operators.LinearOperatorContract;
import org.junit.jupiter.api.Nested;

/** Every ray transform passes the operator contract (dot test at 1e-12 relative, linearity, autodiff, shapes). */
class RayTransformContractTest {
    /** A non-square grid with non-unit, non-square pixels and an off-centre extent. */
    static final ImageGrid GRID = new ImageGrid(17, 23, -12.5, 10.5, -8, 9.7);

    @Nested
    class ParallelBeam extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            double[] angles = {0, 0.3, Math.PI / 4, 1.2, Math.PI / 2, 2.0, 3 * Math.PI / 4, 2.9, -0.4, 4.0, 5.5};
            return RayTransform.of(new ParallelBeamGeometry(GRID, angles, 41, 0.9, 0.3), 2);
        }
    }

    @Nested
    class FanBeamEquiangular extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return RayTransform.of(FanBeamGeometry.covering(GRID, 13, 37, 40, DetectorShape.EQUIANGULAR), 2);
        }
    }

    @Nested
    class FanBeamFlat extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return RayTransform.of(FanBeamGeometry.covering(GRID, 13, 37, 40, DetectorShape.FLAT), 1);
        }
    }
}
