/**
 * Optimisers over {@link dev.fixpoint.autodiff.ParameterSet}s and deterministic minimisation.
 *
 * <p>First-order training: {@link dev.fixpoint.autodiff.optim.Optimizer} with
 * {@link dev.fixpoint.autodiff.optim.Sgd} (momentum, Nesterov, weight decay),
 * {@link dev.fixpoint.autodiff.optim.Adam} and {@link dev.fixpoint.autodiff.optim.AdamW} (decoupled
 * weight decay, AMSGrad). They update parameter values in place from the accumulated gradients, allocate
 * their state once, and save/load it atomically with validation. Learning rates follow a
 * {@link dev.fixpoint.autodiff.optim.LearningRateSchedule}; gradients can be clipped with
 * {@link dev.fixpoint.autodiff.optim.GradientClipping}.
 *
 * <p>Full-batch minimisation: {@link dev.fixpoint.autodiff.optim.Lbfgs} (limited-memory BFGS with a
 * strong-Wolfe line search) on an {@link dev.fixpoint.autodiff.optim.Objective} — a plain
 * value-and-gradient function or one recorded with {@link dev.fixpoint.autodiff.Ops} on a fresh tape per
 * evaluation — returning an {@link dev.fixpoint.autodiff.optim.LbfgsResult} with status and histories.
 */
package dev.fixpoint.autodiff.optim;
