/** Suites of the bio-ode plugin: {@code ode-sensitivity} (forward, adjoint and finite-difference gradients). */
package dev.fixpoint.bio.suites;
