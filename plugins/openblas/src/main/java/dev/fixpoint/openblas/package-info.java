/**
 * The {@code openblas} linear-algebra backend, and a worked example of implementing a fixpoint SPI.
 *
 * <p>A plugin that adds a backend needs three things, all visible in this package:
 * <ol>
 *   <li><b>A provider</b> — {@link dev.fixpoint.openblas.OpenBlasProvider} implements
 *       {@link dev.fixpoint.core.spi.BackendProvider}: a stable {@code name()}, a {@code priority()}
 *       (300 here, above jblas' 200 and pure Java's 100), a one-line {@code description()} that is
 *       cheap and loads nothing, and {@code load()}, which loads native code and either returns a
 *       backend or throws an exception saying what is missing and what to install. It never prints;
 *       the host reports the reason a provider is unavailable.</li>
 *   <li><b>A registration</b> — the provider's class name in
 *       {@code src/main/resources/META-INF/services/dev.fixpoint.core.spi.BackendProvider}, so that
 *       {@link java.util.ServiceLoader} finds it. Only the provider is public; the backend
 *       ({@code OpenBlasBackend}, {@code OpenBlasLapack}) and the native-library handling
 *       ({@code OpenBlasLibrary}) are package-private.</li>
 *   <li><b>The contract test</b> — {@code OpenBlasBackendContractTest} extends
 *       {@code dev.fixpoint.core.spi.LinearAlgebraBackendContract} from the {@code fixpoint-core}
 *       test-jar and only says how to create the backend; the inherited tests check every routine,
 *       and a smoke test loads the provider through {@code ServiceLoader} as the host does.</li>
 * </ol>
 *
 * <p>Implementation notes worth copying: validate every argument in Java before native code sees it,
 * with the shared {@link dev.fixpoint.core.spi.BlasArguments} (a short array must give an
 * {@link java.lang.IllegalArgumentException}, not a corrupted heap); run native LAPACK through
 * {@link dev.fixpoint.core.spi.NativeStack} (threaded LAPACK drivers overflow Java thread stacks); keep
 * what the SPI promises even where a library differs (outputs multiplied by {@code beta == 0} are not
 * read); keep the cause when reporting a load failure.
 */
package dev.fixpoint.openblas;
