package dev.fixpoint.core.internal;

import com.google.inject.CreationException;

/** One-line descriptions of exception chains, for reports of failed plugins and providers. */
public final class Causes {
    private Causes() {
    }

    /**
     * @return {@code "Type: first line of message <- Cause: …"} over at most four levels; for a Guice
     *         {@link CreationException}, its first error message instead of the generic header
     */
    public static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        Throwable x = t;
        int depth = 0;
        while (x != null && depth++ < 4) {
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            String m = x instanceof CreationException ce && !ce.getErrorMessages().isEmpty()
                    ? ce.getErrorMessages().iterator().next().getMessage() : x.getMessage();
            String line = m == null ? "" : m.strip().lines().findFirst().orElse("");
            sb.append(x.getClass().getSimpleName()).append(line.isEmpty() ? "" : ": " + line);
            x = x.getCause();
        }
        return sb.toString();
    }
}
