package dev.fixpoint.bio.fit;

import dev.fixpoint.core.FixpointException;
import java.nio.file.Path;

/**
 * Settings of a {@link MultiStart} run.
 *
 * @param starts number of starts (Latin-hypercube samples), ≥ 1
 * @param seed   seed of the Latin-hypercube sample (the same seed gives the same starts)
 * @param output TSV file rewritten atomically after every finished start, or null for no file
 * @param resume when true and {@code output} exists, the starts recorded there are loaded and not run again
 */
public record MultiStartOptions(int starts, long seed, Path output, boolean resume) {

    /** Validates the ranges. */
    public MultiStartOptions {
        if (starts < 1) {
            throw new FixpointException("InvalidOption", "starts = " + starts + ", expected ≥ 1");
        }
        if (resume && output == null) {
            throw new FixpointException("InvalidOption", "resume = true needs an output file");
        }
    }

    /** @return {@code starts} starts from seed 0, no output file */
    public static MultiStartOptions defaults(int starts) {
        return new MultiStartOptions(starts, 0L, null, false);
    }

    /** @return a copy with the given seed */
    public MultiStartOptions withSeed(long newSeed) {
        return new MultiStartOptions(starts, newSeed, output, resume);
    }

    /** @return a copy writing to {@code file} and resuming from it when {@code resumeFromFile} */
    public MultiStartOptions withOutput(Path file, boolean resumeFromFile) {
        return new MultiStartOptions(starts, seed, file, resumeFromFile);
    }
}
