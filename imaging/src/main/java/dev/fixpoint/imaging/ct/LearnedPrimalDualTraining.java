package dev.fixpoint.imaging.ct;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.autodiff.optim.Adam;
import dev.fixpoint.autodiff.optim.Optimizer;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.imaging.phantom.ImageGrid;
import dev.fixpoint.imaging.phantom.RandomEllipses;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link LearnedPrimalDual} on random-ellipse phantoms ({@link RandomEllipses}, phantom {@code k} from seed
 * {@code seed + k}) with the noise of the evaluation (Gaussian, relative level), started from FBP (Hann): one fresh
 * sample per Adam step, loss {@code mean((f − f_true)²)}, learning rate cosine-annealed from {@code learningRate} to 0.
 * Deterministic from the seed.
 */
public final class LearnedPrimalDualTraining {
    private static final Logger LOG = LoggerFactory.getLogger(LearnedPrimalDualTraining.class);

    private LearnedPrimalDualTraining() {
    }

    /**
     * @param network       the network (its parameters are updated in place)
     * @param steps         Adam steps (one phantom each)
     * @param learningRate  initial learning rate
     * @param relativeNoise Gaussian noise level relative to the mean |data| (0.05 in the benchmark setting)
     * @param seed          seed of phantoms and noise
     * @param progress      called with the step number after each step, or null
     * @return the training loss of every step (MSE per pixel)
     */
    public static double[] train(LearnedPrimalDual network, int steps, double learningRate, double relativeNoise,
                                 long seed, IntConsumer progress) {
        if (steps < 1 || !(learningRate > 0)) {
            throw new FixpointException("InvalidParameter", "training needs steps ≥ 1 and a learning rate > 0; got "
                    + steps + ", " + learningRate);
        }
        RayTransform a = network.transform();
        ImageGrid grid = a.geometry().grid();
        FilteredBackProjection fbp = FilteredBackProjection.of(a.geometry(), ReconstructionFilter.HANN);
        RandomEllipses phantoms = RandomEllipses.standard();
        Optimizer opt = Adam.builder(network.parameters()).learningRate(learningRate).build();
        double[] losses = new double[steps];
        for (int k = 0; k < steps; k++) {
            Tensor truth = phantoms.sample(seed + k, grid);
            Tensor y = CtNoise.gaussian(a.apply(truth), relativeNoise, ~(seed + k));
            Tensor start = fbp.reconstruct(y);
            opt.setLearningRate(0.5 * learningRate * (1 + Math.cos(Math.PI * k / steps)));
            opt.zeroGrad();
            try (Tape tape = new Tape()) {
                Var loss = Ops.mse(network.reconstruct(tape, y, start), Var.constant(truth));
                losses[k] = loss.item();
                tape.backward(loss);
            }
            opt.step();
            if (!Double.isFinite(losses[k])) {
                throw new FixpointException("Diverged", "learned primal-dual training: non-finite loss at step " + (k + 1));
            }
            if ((k + 1) % 50 == 0) {
                LOG.debug("learned primal-dual step {}: loss {}", k + 1, losses[k]);
            }
            if (progress != null) {
                progress.accept(k + 1);
            }
        }
        return losses;
    }
}
