/**
 * Training of unrolled networks ({@link dev.fixpoint.solvers.unroll.UnrolledNetwork}) on synthetic
 * or recorded data: {@link dev.fixpoint.solvers.train.Trainer} runs Adam on the NMSE loss
 * {@code Σ‖x̂ − x‖² / Σ‖x‖²} of each batch, stage-wise (layer by layer, as in the LISTA-CPSS and ALISTA
 * papers: layer k's new parameters at lr₀, then layers 0 … k at lr₀·0.2 and lr₀·0.02, each stage ended
 * by early stopping on a fixed validation set or a step cap) or end to end; see
 * {@link dev.fixpoint.solvers.train.TrainingSettings}. Data come from a
 * {@link dev.fixpoint.solvers.train.TrainingData} (input and target batches, so an image network
 * can use the same trainer); {@link dev.fixpoint.solvers.train.SparseRecoveryData} adapts the
 * sparse recovery problems. {@link dev.fixpoint.solvers.train.LayerwiseNmse} tabulates the NMSE of
 * every layer on a test set.
 *
 * <p><b>Reproducibility.</b> The training batch of global step t is drawn from a generator seeded by
 * (seed, t) alone, so a run is determined by the network's initialisation, the data, and the
 * settings; a run resumed from a checkpoint takes exactly the steps an uninterrupted run would have.
 *
 * <p><b>Checkpoint file format</b> ({@code FXTC}, version 1). Binary, big-endian
 * ({@link java.io.DataOutputStream}: {@code int} 4 bytes, {@code long} and {@code double} 8 bytes,
 * strings as modified UTF-8 with a 2-byte length), written atomically
 * ({@link dev.fixpoint.core.io.AtomicFiles}: a temporary file in the same folder, forced to disk and
 * moved over the target), so an interrupted write leaves the previous checkpoint intact:
 * <pre>
 *   int     magic 0x46585443 ("FXTC")
 *   int     version (1)
 *   -- the network: UnrolledNetwork.configuration(), sorted by key
 *   int     entry count;  per entry: UTF key, UTF value
 *           (e.g. architecture=lista-cpss, layers=16, m=250, matrix=&lt;hash of A&gt;, n=500, …)
 *   -- the settings that fix the batch stream and the stages
 *   int     entry count;  per entry: UTF key, UTF value
 *           (mode, seed, batch, lr, fine-tune, lr-scales, layer-decay, warm-start)
 *   -- training position
 *   int     completed stages (= index of the current stage)
 *   long    steps taken in the current stage
 *   long    global step (position of the batch stream)
 *   double  best validation NMSE of the current stage (ratio; +Inf if none)
 *   long    step of that best validation within the stage
 *   double  seconds spent in the current stage so far
 *   int     completed-stage count;  per stage: UTF name, int layers, double learning rate,
 *           long steps, double best validation NMSE (dB), double seconds
 *   -- parameters, in the network's order
 *   int     count;  per parameter: UTF name, int rank, rank × int dimensions, row-major doubles
 *   -- best values of the current stage's parameters (early stopping); empty between stages
 *   int     count;  per entry: UTF name, int length, doubles
 *   -- Adam's state for the current stage, one per learning-rate group; none between stages
 *   int     count;  per group: int byte length, the bytes of an autodiff optimiser-state file
 *           (FXOS: type, step count, learning rate, moments; see Optimizer.saveState)
 *   long    CRC-32 of every preceding byte
 * </pre>
 * Reading checks magic, version, checksum and structure ({@code [fixpoint/BadCheckpoint]} naming the
 * file and the reason), then the network configuration and the stream settings
 * ({@code [fixpoint/CheckpointMismatch]} naming both sides), before anything is modified.
 * {@link dev.fixpoint.solvers.train.TrainingCheckpoint#loadParameters} loads just the parameters into
 * a network built with the same configuration.
 */
package dev.fixpoint.solvers.train;
