package dev.fixpoint.cli;

import dev.fixpoint.core.bootstrap.Fixpoint;
import picocli.CommandLine.IVersionProvider;

/** The version shown by {@code fixpoint --version} and {@code fixpoint info}: from the jar manifest. */
final class FixpointVersion implements IVersionProvider {

    /** @return the fixpoint version, or {@code "dev"} when running from class folders */
    static String get() {
        String v = FixpointVersion.class.getPackage().getImplementationVersion();
        if (v == null) {
            v = Fixpoint.class.getPackage().getImplementationVersion();
        }
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[]{"fixpoint " + get(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
    }
}
