package dev.fixpoint.autodiff.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.ParameterSet;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void schedulesGiveTheirDefiningValues() {
        assertEquals(0.3, LearningRateSchedule.constant(0.3).rate(12345), 0);

        LearningRateSchedule step = LearningRateSchedule.stepDecay(1.0, 10, 0.5);
        assertEquals(1.0, step.rate(0), 0);
        assertEquals(1.0, step.rate(9), 0);
        assertEquals(0.5, step.rate(10), 0);
        assertEquals(0.25, step.rate(29), 0);

        LearningRateSchedule exp = LearningRateSchedule.exponential(2.0, 0.9);
        assertEquals(2.0, exp.rate(0), 0);
        assertEquals(2.0 * 0.729, exp.rate(3), 1e-15);

        LearningRateSchedule cos = LearningRateSchedule.cosineAnnealing(1.0, 0.1, 100);
        assertEquals(1.0, cos.rate(0), 1e-15);
        assertEquals(0.55, cos.rate(50), 1e-15);
        assertEquals(0.1 + 0.45 * (1 + Math.cos(Math.PI * 0.25)), cos.rate(25), 1e-15);
        assertEquals(0.1, cos.rate(100), 1e-15);
        assertEquals(0.1, cos.rate(1000), 0);

        LearningRateSchedule warm = LearningRateSchedule.linearWarmup(4, LearningRateSchedule.exponential(1.0, 0.5));
        assertEquals(0.25, warm.rate(0), 0);
        assertEquals(0.5, warm.rate(1), 0);
        assertEquals(1.0, warm.rate(3), 0);
        assertEquals(1.0, warm.rate(4), 0);
        assertEquals(0.5, warm.rate(5), 0);
    }

    @Test
    void theOptimiserAsksTheScheduleOncePerStep() {
        ParameterSet params = new ParameterSet();
        Parameter p = params.add("w", Tensor.scalar(0));
        p.accumulateGrad(Tensor.scalar(1));
        Sgd opt = Sgd.builder(params).learningRate(1).build();
        opt.setSchedule(LearningRateSchedule.stepDecay(1.0, 2, 0.1));
        double[] expected = {1.0, 1.0, 0.1, 0.1, 0.01};
        double w = 0;
        for (double lr : expected) {
            opt.step();
            w -= lr;
            assertEquals(lr, opt.learningRate(), 1e-15);
            assertEquals(w, p.value().item(), 1e-14);
        }
        opt.setLearningRate(0.5);
        assertNull(opt.schedule());
        opt.step();
        assertEquals(w - 0.5, p.value().item(), 1e-14);
    }

    @Test
    void badSettingsNameTheAcceptedRange() {
        FixpointException e = assertThrows(FixpointException.class, () -> LearningRateSchedule.stepDecay(1, 0, 0.5));
        assertTrue(e.getMessage().contains("period = 0") && e.getMessage().contains("≥ 1"), e.getMessage());
        e = assertThrows(FixpointException.class, () -> LearningRateSchedule.constant(-1));
        assertEquals("BadHyperparameter", e.id());
        ParameterSet params = new ParameterSet();
        params.add("w", Tensor.scalar(0));
        Sgd opt = Sgd.builder(params).build();
        opt.setSchedule(step -> Double.NaN);
        e = assertThrows(FixpointException.class, opt::step);
        assertTrue(e.getMessage().contains("scheduled learning rate"), e.getMessage());
    }
}
