/**
 * File output shared by suites, reports and checkpoints: atomic writes ({@link dev.fixpoint.core.io.AtomicFiles})
 * and JSON text helpers ({@link dev.fixpoint.core.io.Json}).
 */
package dev.fixpoint.core.io;
