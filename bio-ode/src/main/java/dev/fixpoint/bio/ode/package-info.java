/**
 * ODE integrators: Dormand–Prince 5(4) with dense output for non-stiff systems and Rosenbrock methods
 * (RODAS4, tableau as data) for stiff systems, with banded/dense LU factorisations, statistics and
 * clear failures (step-size underflow naming time and component).
 */
package dev.fixpoint.bio.ode;
