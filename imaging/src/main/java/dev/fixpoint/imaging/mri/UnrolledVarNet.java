package dev.fixpoint.imaging.mri;

import dev.fixpoint.autodiff.NoGrad;
import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Padding;
import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.ParameterSet;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.autodiff.optim.Adam;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.LinearOperator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small unrolled reconstruction network in the style of the variational network (Hammernik et al.
 * 2018; Sriram et al. 2020): {@code K} cascades of a gradient step on the data term and a learned
 * convolutional regulariser,
 * <pre>
 *   x₀ = Aᴴy,   x_{k+1} = x_k − η_k·Aᴴ(Ax_k − y) − R_k(x_k),   k = 0…K−1,
 * </pre>
 * with {@code R_k} a 3-layer CNN on the two channels (real, imaginary) of the complex image
 * (2 → F → F → 2 channels, 3×3 kernels, ReLU, biases; He-initialised except the last layer, which
 * starts at zero so the untrained network is {@code K} steps of Landweber iteration) and learned step
 * sizes {@code η_k} (initially 1, since {@code ‖A‖ ≤ 1}). Parameters are not shared between cascades.
 * The forward model enters as a {@link LinearOperator} inside autodiff (its VJP is its adjoint), so the
 * network is trained end-to-end for any mask or coil set. Training loss: the mean squared error of the
 * complex image. Not thread-safe while training.
 */
public final class UnrolledVarNet {
    private final int cascades;
    private final int channels;
    private final ParameterSet parameters = new ParameterSet();
    private final Parameter[] steps;
    private final Parameter[][] kernels;
    private final Parameter[][] biases;

    /**
     * @param cascades K ≥ 1
     * @param channels hidden channels F ≥ 1
     * @param seed     seed of the initialisation
     */
    public UnrolledVarNet(int cascades, int channels, long seed) {
        if (cascades < 1 || channels < 1) {
            throw new FixpointException("InvalidParameter", "unrolled network: need cascades ≥ 1 and channels ≥ 1, got "
                    + cascades + " and " + channels);
        }
        this.cascades = cascades;
        this.channels = channels;
        this.steps = new Parameter[cascades];
        this.kernels = new Parameter[cascades][3];
        this.biases = new Parameter[cascades][3];
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] io = {{channels, 2}, {channels, channels}, {2, channels}};
        for (int k = 0; k < cascades; k++) {
            steps[k] = parameters.add("cascade" + k + ".step", Tensor.full(1.0, 1, 1, 1));
            for (int l = 0; l < 3; l++) {
                int out = io[l][0];
                int in = io[l][1];
                Tensor w = l == 2 ? Tensor.zeros(out, in, 3, 3)
                        : Tensor.randn(rng, out, in, 3, 3).scaleInPlace(Math.sqrt(2.0 / (9 * in)));
                kernels[k][l] = parameters.add("cascade" + k + ".conv" + l + ".kernel", w);
                biases[k][l] = parameters.add("cascade" + k + ".conv" + l + ".bias", Tensor.zeros(out, 1, 1));
            }
        }
    }

    /** @return the parameters (steps, kernels, biases), modified only by optimisers or {@link ParameterSet#load} */
    public ParameterSet parameters() {
        return parameters;
    }

    /** @return K */
    public int cascades() {
        return cascades;
    }

    /**
     * @param tape   the tape to record on, or null for inference
     * @param model  forward model {@code [h, w, 2] → k-space}
     * @param kspace measured k-space of the model's range shape (finite)
     * @return the reconstruction {@code x_K}, {@code [h, w, 2]}
     */
    public Var apply(Tape tape, LinearOperator model, Tensor kspace) {
        MriReconstructions.requireData(model, kspace);
        int h = model.domainShape()[0];
        int w = model.domainShape()[1];
        Var y = Var.constant(kspace);
        Var x = Var.constant(model.adjoint(kspace));
        LinearOperator adjoint = model.transposed();
        int[] shape = {h, w, 2};
        for (int k = 0; k < cascades; k++) {
            Var residual = Ops.sub(model.apply(x), y);
            Var gradient = adjoint.apply(residual);
            Var eta = Ops.broadcastTo(bind(tape, steps[k]), shape);
            Var channelsFirst = Ops.reshape(Ops.transpose(Ops.reshape(x, h * w, 2)), 1, 2, h, w);
            Var r = channelsFirst;
            for (int l = 0; l < 3; l++) {
                r = Ops.add(Ops.conv2d(r, bind(tape, kernels[k][l]), 1, Padding.SAME), bind(tape, biases[k][l]));
                if (l < 2) {
                    r = Ops.relu(r);
                }
            }
            Var regulariser = Ops.reshape(Ops.transpose(Ops.reshape(r, 2, h * w)), h, w, 2);
            x = Ops.sub(Ops.sub(x, Ops.mul(eta, gradient)), regulariser);
        }
        return x;
    }

    /** @return the reconstruction without recording (inference) */
    public MriReconstruction reconstruct(LinearOperator model, Tensor kspace) {
        long t0 = System.nanoTime();
        Tensor x;
        try (NoGrad ignored = NoGrad.enter()) {
            x = apply(null, model, kspace).value();
        }
        return new MriReconstruction("unrolled", x, cascades, dev.fixpoint.solvers.SolverStatus.CONVERGED, 0,
                (System.nanoTime() - t0) * 1e-9);
    }

    /**
     * Trains with Adam on the given acquisitions, one acquisition per step, cycling through the list.
     *
     * @param data         training acquisitions (ground truth and k-space)
     * @param steps        number of Adam steps ≥ 1
     * @param learningRate Adam learning rate &gt; 0
     * @return the training loss (MSE of the complex image) per step
     */
    public double[] train(List<MriAcquisition> data, int steps, double learningRate) {
        if (data.isEmpty() || steps < 1) {
            throw new FixpointException("InvalidParameter", "unrolled training: need ≥ 1 acquisition and ≥ 1 step, got "
                    + data.size() + " and " + steps);
        }
        Adam adam = Adam.builder(parameters).learningRate(learningRate).build();
        double[] losses = new double[steps];
        for (int s = 0; s < steps; s++) {
            MriAcquisition a = data.get(s % data.size());
            adam.zeroGrad();
            try (Tape tape = new Tape()) {
                Var loss = Ops.mse(apply(tape, a.model(), a.kspace()), Var.constant(a.image()));
                losses[s] = loss.item();
                if (!Double.isFinite(losses[s])) {
                    throw new FixpointException("NonFinite", "unrolled training: loss is " + losses[s] + " at step " + s);
                }
                tape.backward(loss);
            }
            adam.step();
        }
        return losses;
    }

    private static Var bind(Tape tape, Parameter p) {
        return tape == null ? Var.constant(p.value()) : tape.watch(p);
    }

    @Override
    public String toString() {
        return "UnrolledVarNet[K = " + cascades + ", F = " + channels + ", " + parameters.size() + " weights]";
    }
}
