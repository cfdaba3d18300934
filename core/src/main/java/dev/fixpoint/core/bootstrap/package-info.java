/**
 * The bootstrap {@link dev.fixpoint.core.bootstrap.Fixpoint}: plugin discovery with ServiceLoader,
 * backend selection and one Guice injector; failed plugins are reported by id and cause.
 */
package dev.fixpoint.core.bootstrap;
