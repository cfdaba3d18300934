/**
 * Image and array files: {@link dev.fixpoint.imaging.io.Npy} reads and writes NumPy {@code .npy} files
 * (so data moves to and from Python tools), {@link dev.fixpoint.imaging.io.Png} writes 8-bit greyscale
 * PNG images and mosaics with an explicit display {@link dev.fixpoint.imaging.io.Window}. Every write
 * goes to a temporary file in the target folder that is then moved into place, so an interrupted run
 * never leaves a half-written file under the final name.
 */
package dev.fixpoint.imaging.io;
