/** The plugin entry point and the domain suites of solvers-deq. */
package dev.fixpoint.solvers.suites;
