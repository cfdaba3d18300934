/**
 * JMH benchmarks of fixpoint's hot paths, starting with the linear-algebra backends
 * ({@link dev.fixpoint.benchmarks.GemmBenchmark}, {@link dev.fixpoint.benchmarks.GemvBenchmark}).
 * Each benchmark takes the backend by provider name as a {@code @Param}, so one run compares backends
 * under the same conditions; each combination runs in its own fork that loads only the backend it
 * measures (see {@code BenchmarkBackends}). {@code benchmarks/RESULTS.md} records figures with their
 * exact commands.
 * Build the executable jar with {@code mvn -pl benchmarks -am package -DskipTests} and run
 * {@code java -jar benchmarks/target/benchmarks.jar -h} for JMH's options.
 */
package dev.fixpoint.benchmarks;
