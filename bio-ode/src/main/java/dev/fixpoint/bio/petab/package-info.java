/**
 * PEtab v1 import and objective: the problem YAML, parameter, observable, condition and measurement
 * tables ({@link dev.fixpoint.bio.petab.PetabProblem}) and the negative log-likelihood exactly as
 * PEtab defines it, normalisation constants included ({@link dev.fixpoint.bio.petab.PetabObjective}).
 */
package dev.fixpoint.bio.petab;
