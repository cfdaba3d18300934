package dev.fixpoint.imaging.io;

import dev.fixpoint.core.FixpointException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Write-to-temporary-then-move (package-private). */
final class AtomicFiles {
    private AtomicFiles() {
    }

    /** What writes the content. */
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code path} atomically: the content goes to a temporary file in the same folder (created
     * if missing), which is then renamed onto {@code path}. On failure the temporary file is deleted.
     *
     * @throws FixpointException {@code [fixpoint/WriteFailed]} naming the file and the cause
     */
    static void write(Path path, Writer writer) {
        Path target = path.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new FixpointException("WriteFailed", "cannot write " + path + ": " + e, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file has a .part suffix and never looks complete
                }
            }
        }
    }
}
