package dev.fixpoint.bio.petab;

import dev.fixpoint.core.FixpointException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of PEtab observable and noise formulas ({@code observableParameter<n>_<observableId>},
 * {@code noiseParameter<n>_<observableId>}) and their per-measurement overrides (the measurement table's
 * observableParameters / noiseParameters columns: numbers or parameter-table ids). Shared by
 * {@link ConditionCompiler} (strict: every placeholder must have an override that names something) and
 * {@link InnerParameters} (lenient: a placeholder without an override stays as written).
 */
final class Placeholders {

    /** An identifier in a formula (not part of a number or of a longer identifier). */
    static final Pattern SYMBOL = Pattern.compile("(?<![0-9.A-Za-z_])[A-Za-z_][A-Za-z0-9_]*");

    private Placeholders() {
    }

    /**
     * @param sym   a symbol of a formula
     * @param kind  "observableParameter" or "noiseParameter"
     * @param obsId the observable whose formula holds sym
     * @return the placeholder's number n ≥ 0 (0 also when the text between kind and _obsId is not a number), or −1
     *         when sym is not a placeholder of this kind and observable
     */
    static int index(String sym, String kind, String obsId) {
        String suffix = "_" + obsId;
        if (!sym.startsWith(kind) || !sym.endsWith(suffix)) {
            return -1;
        }
        try {
            return Math.max(Integer.parseInt(sym.substring(kind.length(), sym.length() - suffix.length())), 0);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * @param text an override
     * @return true if the override is a number (otherwise it names a parameter)
     */
    static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Lenient resolution: replaces each placeholder that has an override by it (a number as "(value)", anything
     * else as written); placeholders without an override stay.
     *
     * @return the formula with the placeholders replaced
     */
    static String resolveLeniently(String formula, String kind, String obsId, List<String> overrides) {
        return resolve(formula, kind, obsId, overrides, null, null, sym -> {
        });
    }

    /**
     * Strict resolution: replaces each placeholder by its override (a number as "(value)", a parameter id as
     * written) and passes every symbol of the result, in order, to {@code symbols}.
     *
     * @param parameterIds the ids of the parameter table (an override that is not a number must be one of them)
     * @param where        the measurement, for messages (e.g. "measurement of 'obs' at t=1.0")
     * @param symbols      receives every symbol after replacement
     * @return the formula with the placeholders replaced
     * @throws FixpointException {@code [fixpoint/BadPetab]} for a placeholder whose number has no override,
     *                           {@code [fixpoint/PetabParameters]} for an override that is neither a number nor a
     *                           parameter id
     */
    static String resolve(String formula, String kind, String obsId, List<String> overrides, Set<String> parameterIds,
                          String where, Consumer<String> symbols) {
        Matcher mt = SYMBOL.matcher(formula);
        StringBuilder sb = new StringBuilder();
        boolean strict = parameterIds != null;
        while (mt.find()) {
            String sym = mt.group();
            String rep = sym;
            int n = index(sym, kind, obsId);
            if (n >= 0) {
                if (n >= 1 && n <= overrides.size()) {
                    String text = overrides.get(n - 1);
                    if (isNumber(text)) {
                        rep = "(" + Double.parseDouble(text) + ")";
                    } else if (!strict || parameterIds.contains(text)) {
                        rep = text;
                    } else {
                        throw new FixpointException("PetabParameters", where + ": '" + text
                                + "' is neither a number nor a parameter of the parameter table");
                    }
                } else if (strict) {
                    throw new FixpointException("BadPetab", where + ": placeholder '" + sym + "' needs " + kind
                            + "s with at least " + Math.max(n, 1) + " value(s), got " + overrides);
                }
            }
            symbols.accept(rep);
            mt.appendReplacement(sb, Matcher.quoteReplacement(rep));
        }
        mt.appendTail(sb);
        return sb.toString();
    }
}
