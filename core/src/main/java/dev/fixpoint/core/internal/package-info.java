/**
 * Implementation details of core: the jblas and pure-Java backends, the self-test, and the built-in
 * core plugin with its self-check suite. Not API: other modules must not use this package.
 */
package dev.fixpoint.core.internal;
