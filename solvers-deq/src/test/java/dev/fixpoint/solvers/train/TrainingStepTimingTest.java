package dev.fixpoint.solvers.train;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.autodiff.optim.Adam;
import dev.fixpoint.autodiff.optim.Optimizer;
import dev.fixpoint.core.linalg.Backends;
import dev.fixpoint.solvers.sparse.SparseRecoveryProblem;
import dev.fixpoint.solvers.unroll.Alista;
import dev.fixpoint.solvers.unroll.Lista;
import dev.fixpoint.solvers.unroll.ListaCpss;
import dev.fixpoint.solvers.unroll.Tying;
import dev.fixpoint.solvers.unroll.UnrolledNetwork;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times one training step (forward on a tape through all 16 layers, backward, Adam) and one
 * inference pass at the papers' size (m = 250, n = 500, batch 64); median of 20 after 5 warm-up
 * steps. Run on request only:
 * {@code mvn -B -o -q test -pl solvers-deq -Dtest=TrainingStepTimingTest -DargLine="-Dfixpoint.timing=true -Dfixpoint.results=INFO"}.
 */
@EnabledIfSystemProperty(named = "fixpoint.timing", matches = "true")
class TrainingStepTimingTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    @Test
    void oneTrainingStepAtThePapersSize() {
        SparseRecoveryProblem p = SparseRecoveryProblem.standard(Double.POSITIVE_INFINITY, 1);
        List<UnrolledNetwork> nets = List.of(new Lista(p.matrix(), 16, 0.4, Tying.UNTIED),
                new ListaCpss(p.matrix(), 16, 0.4, Tying.UNTIED), new Alista(p.matrix(), 16, 0.4));
        for (UnrolledNetwork net : nets) {
            Optimizer adam = Adam.builder(net.parameters()).learningRate(1e-9).build();
            double[] step = new double[20];
            double[] inference = new double[20];
            for (int r = -5; r < 20; r++) {
                TrainingBatch b = SparseRecoveryData.asTrainingBatch(p.sample(64, new SplittableRandom(r + 100)));
                long t0 = System.nanoTime();
                adam.zeroGrad();
                try (Tape tape = new Tape()) {
                    List<Var> outs = net.forward(tape, Var.constant(b.input()));
                    tape.backward(Ops.mse(outs.get(15), Var.constant(b.target())));
                }
                adam.step();
                long t1 = System.nanoTime();
                net.forward(null, Var.constant(b.input()));
                long t2 = System.nanoTime();
                if (r >= 0) {
                    step[r] = (t1 - t0) * 1e-6;
                    inference[r] = (t2 - t1) * 1e-6;
                }
            }
            Arrays.sort(step);
            Arrays.sort(inference);
            RESULTS.info("{} (m=250, n=500, 16 layers, batch 64, backend {}): training step {} ms, inference {} ms (medians of 20)",
                    net.architecture(), Backends.current().name(), String.format("%.1f", step[10]), String.format("%.1f", inference[10]));
        }
    }
}
