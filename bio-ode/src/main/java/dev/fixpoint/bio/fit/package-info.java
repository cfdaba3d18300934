/**
 * Bounded numerical optimisation for model calibration: the problem types ({@link dev.fixpoint.bio.fit.BoundedProblem},
 * {@link dev.fixpoint.bio.fit.LeastSquaresProblem}), a limited-memory quasi-Newton method with box constraints
 * ({@link dev.fixpoint.bio.fit.ProjectedLbfgs}), Levenberg–Marquardt on residuals
 * ({@link dev.fixpoint.bio.fit.LevenbergMarquardt}), multi-start from Latin-hypercube samples on an injected executor
 * with resumable TSV output ({@link dev.fixpoint.bio.fit.MultiStart}) and profile likelihoods
 * ({@link dev.fixpoint.bio.fit.ProfileLikelihood}). The package is generic: it knows nothing of ODEs or PEtab; an
 * objective on PEtab's parameter scales is adapted to {@link dev.fixpoint.bio.fit.BoundedProblem} by its caller.
 */
package dev.fixpoint.bio.fit;
