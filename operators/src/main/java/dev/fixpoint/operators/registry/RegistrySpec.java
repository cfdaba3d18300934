package dev.fixpoint.operators.registry;

import dev.fixpoint.core.FixpointException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed registry specification {@code name} or {@code name(key=value, key=value)}, as written in
 * suite parameters and configuration (e.g. {@code prox=l1(lambda=0.05)}).
 *
 * @param name      the entry name (lowercase letters, digits, '-' and '_')
 * @param arguments the arguments, in order
 */
public record RegistrySpec(String name, Map<String, String> arguments) {

    /**
     * @return the parsed specification
     * @throws FixpointException {@code [fixpoint/BadSpec]} naming the text and what is wrong
     */
    public static RegistrySpec parse(String text) {
        String t = text == null ? "" : text.trim();
        int open = t.indexOf('(');
        String name = open < 0 ? t : t.substring(0, open).trim();
        if (!name.matches("[a-z][a-z0-9_-]*")) {
            throw new FixpointException("BadSpec", "'" + text + "': expected name or name(key=value, ...) "
                    + "with a lowercase name");
        }
        Map<String, String> args = new LinkedHashMap<>();
        if (open >= 0) {
            if (!t.endsWith(")")) {
                throw new FixpointException("BadSpec", "'" + text + "': missing closing parenthesis");
            }
            String inner = t.substring(open + 1, t.length() - 1).trim();
            if (!inner.isEmpty()) {
                for (String part : inner.split(",")) {
                    int eq = part.indexOf('=');
                    if (eq <= 0) {
                        throw new FixpointException("BadSpec", "'" + text + "': argument '" + part.trim()
                                + "' is not key=value");
                    }
                    String key = part.substring(0, eq).trim();
                    if (args.put(key, part.substring(eq + 1).trim()) != null) {
                        throw new FixpointException("BadSpec", "'" + text + "': argument '" + key + "' given twice");
                    }
                }
            }
        }
        return new RegistrySpec(name, args);
    }
}
