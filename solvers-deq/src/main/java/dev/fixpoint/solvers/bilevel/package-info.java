/**
 * Bilevel optimisation: hypergradients of an outer (validation) loss {@code L(z(θ), θ)} where
 * {@code z(θ)} is the result of an inner solver given as data
 * ({@link dev.fixpoint.solvers.bilevel.BilevelProblem}: an inner step Φ on autodiff variables, an
 * outer loss, an initial state, optionally the optimality condition). One API,
 * {@link dev.fixpoint.solvers.bilevel.HypergradientMethod}, five methods from
 * {@link dev.fixpoint.solvers.bilevel.HypergradientMethods}: full and truncated reverse-mode
 * unrolling, forward mode, implicit differentiation, and the closed-form KKT differentiation of the
 * lasso / elastic net ({@link dev.fixpoint.solvers.bilevel.ElasticNetBilevel}).
 * {@link dev.fixpoint.solvers.bilevel.HyperparameterOptimizer} learns hyperparameters with them and
 * reports a hyperparameter that leaves its declared range
 * ({@link dev.fixpoint.solvers.bilevel.Hyperparameter}); {@link dev.fixpoint.solvers.bilevel.TrainingProblems}
 * builds the usual inner problems (learning rate, schedule, momentum, Adam).
 */
package dev.fixpoint.solvers.bilevel;
