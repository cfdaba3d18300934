package dev.fixpoint.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns, for command output. Columns flagged numeric are right-aligned. */
final class TextTable {
    private final String[] header;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    /**
     * @param header       column titles
     * @param rightAligned which columns hold numbers (right-aligned); may be shorter than the header
     */
    TextTable(String[] header, boolean... rightAligned) {
        this.header = header.clone();
        this.rightAligned = new boolean[header.length];
        System.arraycopy(rightAligned, 0, this.rightAligned, 0, Math.min(rightAligned.length, header.length));
    }

    /** Adds a row; missing cells are empty, extra cells are an error. */
    TextTable row(String... cells) {
        if (cells.length > header.length) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + header.length + " columns");
        }
        String[] r = new String[header.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = i < cells.length && cells[i] != null ? cells[i] : "";
        }
        rows.add(r);
        return this;
    }

    /** @return the table, each line indented by {@code indent} and ending with a newline */
    String render(String indent) {
        int[] w = new int[header.length];
        List<String[]> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (String[] r : all) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : all) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < r.length; i++) {
                String pad = " ".repeat(w[i] - r[i].length());
                line.append(rightAligned[i] ? pad + r[i] : r[i] + pad).append(i < r.length - 1 ? "  " : "");
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
