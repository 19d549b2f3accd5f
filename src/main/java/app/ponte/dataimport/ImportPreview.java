package app.ponte.dataimport;

import java.util.List;

/**
 * The first records of a file as the import would read them, before anything is stored: the
 * header, each record's cells read by their columns' formats, and what is wrong with the header.
 */
public record ImportPreview(ImportKind kind, List<String> header, List<PreviewRow> rows,
        List<ImportProblem> headerProblems) {

    public ImportPreview {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        headerProblems = List.copyOf(headerProblems);
    }

    /** A record: the line it starts on and its cells in header order. */
    public record PreviewRow(long line, List<PreviewCell> cells) {

        public PreviewRow {
            cells = List.copyOf(cells);
        }

        /** The cells' texts as written (tests and the error report read them). */
        public List<String> texts() {
            return cells.stream().map(PreviewCell::text).toList();
        }
    }

    /**
     * A cell: its text as written; its column (null when the header's column is unknown); the value
     * the import reads from it ({@link ImportColumn.Format} decides the type: {@code Instant},
     * {@code LocalDate}, {@code YearMonth}, {@code BigDecimal}, {@code Integer}, a choice's name, a
     * list of names, text), null when empty or unreadable; the problem that makes it unreadable; and
     * whether it is a money value with exactly three decimals, which the page warns about: read as
     * decimals (15.000 is fifteen), though an Italian file means thousands so.
     */
    public record PreviewCell(String text, ImportColumn column, Object value, String problem,
            boolean threeDecimals) {
    }
}
