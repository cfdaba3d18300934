/**
 * Implementations of the built-in operations behind {@link dev.fixpoint.autodiff.Ops} and their
 * kernels (broadcasting loops). Not API: other modules use {@code Ops} or subclass
 * {@link dev.fixpoint.autodiff.Op}.
 */
package dev.fixpoint.autodiff.internal;
