/**
 * PEtab v1 import and objective: the problem YAML, parameter, observable, condition and measurement
 * tables ({@link dev.fixpoint.bio.petab.PetabProblem}) and the negative log-likelihood exactly as
 * PEtab defines it, normalisation constants included ({@link dev.fixpoint.bio.petab.PetabObjective}).
 * Hierarchical optimisation solves noise, scaling and offset parameters analytically
 * ({@link dev.fixpoint.bio.petab.HierarchicalObjective}); bilevel calibration optimises outer parameters with
 * hypergradients through an inner optimum ({@link dev.fixpoint.bio.petab.BilevelCalibration}).
 */
package dev.fixpoint.bio.petab;
