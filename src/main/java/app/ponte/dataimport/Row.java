package app.ponte.dataimport;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One data record of an import file with typed readers for its cells. A reader that cannot make
 * sense of a cell notes the problem (line, column, message) and returns null; a row with a
 * problem is not handed to the services.
 */
final class Row {

    private final CsvSource source;
    private final CsvSource.Record record;
    private final Messages messages;
    private final List<ImportProblem> problems = new ArrayList<>(0);

    Row(CsvSource source, CsvSource.Record record, Messages messages) {
        this.source = source;
        this.record = record;
        this.messages = messages;
    }

    long line() {
        return record.line();
    }

    /** The record's cells as written, in header order. */
    List<String> cells() {
        return record.cells();
    }

    boolean failed() {
        return !problems.isEmpty();
    }

    List<ImportProblem> problems() {
        return problems;
    }

    void fail(String column, String key, Object... arguments) {
        problems.add(new ImportProblem(record.line(), column, messages.get(key, arguments)));
    }

    /** The cell's text, stripped; null when the cell is empty or the file has no such column. */
    String text(String column) {
        int position = source.position(column);
        if (position < 0 || position >= record.cells().size()) {
            return null;
        }
        String value = unguarded(record.cells().get(position)).strip();
        return value.isEmpty() ? null : value;
    }

    /**
     * A cell as Ponte's own exports wrote it: a leading {@code '} before {@code =}, {@code +},
     * {@code -}, {@code @}, tab or carriage return is the formula guard (import.md, "Export"), not
     * data, so it is dropped and an export imports back unchanged.
     */
    static String unguarded(String cell) {
        if (cell.length() >= 2 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
    }

    /** The cell's text exactly as written (for free text that keeps its inner line breaks), or null. */
    String freeText(String column) {
        int position = source.position(column);
        if (position < 0 || position >= record.cells().size() || record.cells().get(position).isBlank()) {
            return null;
        }
        return unguarded(record.cells().get(position)).strip();
    }

    String required(String column) {
        String value = text(column);
        if (value == null) {
            fail(column, "import.error.required", column);
        }
        return value;
    }

    /** The column's definition in this file's kind: its format, whether it is required, its values. */
    ImportColumn definition(String column, ImportColumn.Format... formats) {
        ImportColumn definition = source.kind().column(column)
                .orElseThrow(() -> new IllegalArgumentException("no column " + column + " in " + source.kind()));
        if (formats.length > 0 && !java.util.Arrays.asList(formats).contains(definition.format())) {
            // a reader that disagrees with the definition would make the page describe another rule
            throw new IllegalStateException(column + " is " + definition.format() + ", read as " + List.of(formats));
        }
        return definition;
    }

    /** The cell's text; a problem when its column is required and it is empty. */
    String cell(String column) {
        return definition(column).required() ? required(column) : text(column);
    }

    Instant instant(String column) {
        definition(column, ImportColumn.Format.INSTANT);
        String value = cell(column);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            fail(column, "import.error.instant", value);
            return null;
        }
    }

    LocalDate date(String column) {
        definition(column, ImportColumn.Format.DATE);
        String value = cell(column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            fail(column, "import.error.date", value);
            return null;
        }
    }

    YearMonth month(String column) {
        definition(column, ImportColumn.Format.MONTH);
        String value = cell(column);
        if (value == null) {
            return null;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            fail(column, "import.error.month", value);
            return null;
        }
    }

    /** A money cell: digits with an optional point and decimals, nothing else (import.md: decimals with "."). */
    BigDecimal decimal(String column) {
        definition(column, ImportColumn.Format.MONEY);
        String value = cell(column);
        if (value == null) {
            return null;
        }
        if (!MONEY.matcher(value).matches()) {
            fail(column, "import.error.decimal", value);
            return null;
        }
        return new BigDecimal(value);
    }

    static final java.util.regex.Pattern MONEY = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    /**
     * Exactly three digits after the point: read as decimals, as import.md says, but it is how an
     * Italian (or German) export writes thousands, so the page warns ("15.000" is fifteen here).
     */
    static final java.util.regex.Pattern THOUSANDS_LOOKALIKE = java.util.regex.Pattern.compile("-?[0-9]+\\.[0-9]{3}");

    /** A whole number (the outcome score; its range is the interaction rules' to check). */
    Integer integer(String column) {
        definition(column, ImportColumn.Format.SCORE);
        String value = cell(column);
        if (value == null) {
            return null;
        }
        if (!value.matches("-?[0-9]{1,9}")) {
            fail(column, "import.error.integer", value);
            return null;
        }
        return Integer.valueOf(value);
    }

    /** One of the column's allowed values, as a constant of the enum they come from. */
    <E extends Enum<E>> E choice(String column, Class<E> type) {
        String name = choiceName(definition(column, ImportColumn.Format.CHOICE));
        return name == null ? null : Enum.valueOf(type, name);
    }

    /** Several of the column's allowed values separated by {@code ;}, as constants of their enum. */
    <E extends Enum<E>> java.util.Set<E> choices(String column, Class<E> type) {
        List<String> names = choiceNames(definition(column, ImportColumn.Format.CHOICE_LIST));
        if (names == null) {
            return null;
        }
        java.util.Set<E> chosen = java.util.EnumSet.noneOf(type);
        names.forEach(name -> chosen.add(Enum.valueOf(type, name)));
        return chosen;
    }

    private String choiceName(ImportColumn column) {
        String value = cell(column.name());
        if (value != null && !column.values().contains(value)) {
            fail(column.name(), "import.error.choice", value, String.join(", ", column.values()));
            return null;
        }
        return value;
    }

    /** The allowed values of a {@code ;}-separated cell (empty parts skipped); each unknown one is a problem. */
    private List<String> choiceNames(ImportColumn column) {
        String value = cell(column.name());
        if (value == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String part : value.split(";")) {
            String item = part.strip();
            if (item.isEmpty()) {
                continue;
            }
            if (column.values().contains(item)) {
                names.add(item);
            } else {
                fail(column.name(), "import.error.choice", item, String.join(", ", column.values()));
            }
        }
        return List.copyOf(names);
    }

    /**
     * Reads a cell by its column's format alone, as the preview shows it: the typed value (an
     * {@link Instant}, {@link LocalDate}, {@link YearMonth}, {@link BigDecimal}, {@link Integer}, the
     * name of a choice, a list of names, or the text), null when empty or unreadable (then noted).
     * References (people, leads, channels) are read as text; the import checks they exist.
     */
    Object read(ImportColumn column) {
        String name = column.name();
        return switch (column.format()) {
            case TEXT, USERNAME, LEAD, CHANNEL -> cell(name);
            case INSTANT -> instant(name);
            case DATE -> date(name);
            case MONTH -> month(name);
            case MONEY -> decimal(name);
            case SCORE -> integer(name);
            case CHOICE -> choiceName(column);
            case CHOICE_LIST -> choiceNames(column);
            case PLANNED -> {
                mustBeEmpty(name);
                yield null;
            }
        };
    }

    /** A planned column (campaigns, content): accepted in the header, but no value can be stored yet. */
    void mustBeEmpty(String column) {
        if (text(column) != null) {
            fail(column, "import.error.planned-column", column);
        }
    }
}
