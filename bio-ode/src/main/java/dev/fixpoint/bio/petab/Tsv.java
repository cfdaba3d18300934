package dev.fixpoint.bio.petab;

import dev.fixpoint.core.FixpointException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** A tab-separated table with a header; every error names the file, the line (1-based) and the column. */
final class Tsv {

    final String file;
    final List<String> header;
    final List<String[]> rows = new ArrayList<>();
    final List<Integer> lines = new ArrayList<>();

    private Tsv(String file, List<String> header) {
        this.file = file;
        this.header = header;
    }

    static Tsv read(Path path, Set<String> required) {
        List<String> text;
        try {
            text = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new FixpointException("BadPetab", path + ": cannot read: " + e.getMessage());
        }
        String name = path.getFileName().toString();
        if (text.isEmpty() || text.get(0).isBlank()) {
            throw new FixpointException("BadPetab", name + ": line 1: missing header");
        }
        List<String> header = Arrays.stream(text.get(0).split("\t", -1)).map(String::strip).toList();
        Tsv t = new Tsv(name, header);
        for (String r : required) {
            if (!header.contains(r)) {
                throw new FixpointException("BadPetab", name + ": line 1: missing column '" + r + "' (header: " + header + ")");
            }
        }
        for (int i = 1; i < text.size(); i++) {
            if (text.get(i).isBlank()) {
                continue;
            }
            String[] cells = text.get(i).split("\t", -1);
            if (cells.length > header.size()) {
                throw new FixpointException("BadPetab", name + ": line " + (i + 1) + ": " + cells.length
                        + " fields, but the header has " + header.size());
            }
            String[] full = new String[header.size()];
            for (int c = 0; c < full.length; c++) {
                full[c] = c < cells.length ? cells[c].strip() : "";
            }
            t.rows.add(full);
            t.lines.add(i + 1);
        }
        return t;
    }

    boolean has(String column) {
        return header.contains(column);
    }

    /** @return the cell, "" when the column is absent or empty */
    String get(int row, String column) {
        int c = header.indexOf(column);
        return c < 0 ? "" : rows.get(row)[c];
    }

    String required(int row, String column) {
        String v = get(row, column);
        if (v.isEmpty()) {
            throw error(row, column, "empty value");
        }
        return v;
    }

    double number(int row, String column) {
        String v = required(row, column);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw error(row, column, "'" + v + "' is not a number");
        }
    }

    FixpointException error(int row, String column, String reason) {
        return new FixpointException("BadPetab", file + ": line " + lines.get(row) + ", column '" + column + "': " + reason);
    }
}
