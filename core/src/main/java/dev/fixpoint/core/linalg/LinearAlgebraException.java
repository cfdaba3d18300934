package dev.fixpoint.core.linalg;

import dev.fixpoint.core.FixpointException;

/**
 * A numerical failure of a dense factorisation: a singular matrix ({@code SingularMatrix}), a matrix
 * that is not positive definite ({@code NotPositiveDefinite}) or an iteration that did not converge
 * ({@code NoConvergence}). The message names the routine, the matrix shape and LAPACK's INFO.
 */
public class LinearAlgebraException extends FixpointException {
    private static final long serialVersionUID = 1L;

    LinearAlgebraException(String id, String message) {
        super(id, message);
    }
}
