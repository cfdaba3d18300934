/**
 * The {@code fixpoint} command line: {@code info} (versions, backends, plugins), {@code suites}
 * (what can be run), {@code run} (one or more suites with parameters), {@code demo} (every suite's
 * quick profile and an HTML index) and {@code bench blas} (GEMM/GEMV throughput of every available
 * backend). Built on picocli; command output goes to the command line's writers, diagnostics to
 * SLF4J (logback, stderr). {@link dev.fixpoint.cli.Main} is the entry point of the executable jar.
 */
package dev.fixpoint.cli;
