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

    Instant instant(String column, boolean required) {
        String value = required ? required(column) : text(column);
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

    LocalDate date(String column, boolean required) {
        String value = required ? required(column) : text(column);
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
        String value = required(column);
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

    BigDecimal decimal(String column, boolean required) {
        String value = required ? required(column) : text(column);
        if (value == null) {
            return null;
        }
        if (!value.matches("-?[0-9]+(\\.[0-9]+)?")) {
            fail(column, "import.error.decimal", value);
            return null;
        }
        return new BigDecimal(value);
    }

    Integer integer(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        if (!value.matches("-?[0-9]{1,9}")) {
            fail(column, "import.error.integer", value);
            return null;
        }
        return Integer.valueOf(value);
    }

    <E extends Enum<E>> E choice(String column, Class<E> type, boolean required) {
        String value = required ? required(column) : text(column);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        fail(column, "import.error.choice", value, String.join(", ",
                java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        return null;
    }

    /** A planned column (campaigns, content): accepted in the header, but no value can be stored yet. */
    void mustBeEmpty(String column) {
        if (text(column) != null) {
            fail(column, "import.error.planned-column", column);
        }
    }
}
