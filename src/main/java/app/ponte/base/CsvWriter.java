package app.ponte.base;

import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes CSV as every export in Ponte does (see the spec, import.md "Export"): RFC 4180 through
 * Apache Commons CSV, UTF-8, CRLF line ends, a header row. A cell that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, tab or carriage return gets a leading {@code '} so a
 * spreadsheet never runs it as a formula. Rows go straight to the stream, so an export of any
 * size never sits in memory. Flushing does not close the stream it was given.
 */
public final class CsvWriter implements Flushable {

    private final CSVPrinter printer;

    private CsvWriter(CSVPrinter printer) {
        this.printer = printer;
    }

    /** A writer on the stream that has already written the header row. */
    public static CsvWriter withHeader(OutputStream stream, String... header) {
        try {
            var printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)),
                    CSVFormat.RFC4180);
            var writer = new CsvWriter(printer);
            writer.row(Arrays.asList((Object[]) header));
            return writer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A writer on the stream that has already written the header row. */
    public static CsvWriter withHeader(OutputStream stream, List<String> header) {
        return withHeader(stream, header.toArray(String[]::new));
    }

    /** One record; {@code null} is an empty field, anything else is written by {@code toString()}. */
    public CsvWriter row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    public CsvWriter row(List<?> cells) {
        try {
            printer.printRecord(cells.stream().map(CsvWriter::field).toList());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One page of a sorted read: at most {@code limit} rows from {@code offset} on. */
    @FunctionalInterface
    public interface Pages<T> {
        List<T> page(int offset, int limit);
    }

    /**
     * Writes every row of a paged read, asking for page after page of {@code chunk} rows until one
     * comes back short, and flushes after each page: the export streams, never holding all its rows.
     * The read must have a stable order (a unique tie-breaker) for the pages to fit together.
     *
     * @return the number of data rows written
     */
    public <T> long pages(Pages<T> pages, int chunk, Function<T, List<?>> cells) {
        long written = 0;
        for (int offset = 0; ; offset += chunk) {
            List<T> rows = pages.page(offset, chunk);
            rows.forEach(r -> row(cells.apply(r)));
            written += rows.size();
            flush();
            if (rows.size() < chunk) {
                return written;
            }
        }
    }

    @Override
    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shortest decimal of a double ({@code 0.5}, {@code 1.0}), without the exponent form {@code 1.0E-4}. */
    private static String plain(String number) {
        if (number.indexOf('E') < 0) {
            return number;
        }
        return new BigDecimal(number).stripTrailingZeros().toPlainString();
    }

    /**
     * One field, protected against formula injection; quoting is the printer's. Numbers never take
     * the exponent form ({@code 1.0E-4}) that {@code toString()} gives small doubles: the spec wants
     * plain decimals with {@code '.'}.
     */
    static String field(Object cell) {
        if (cell == null) {
            return "";
        }
        String text = switch (cell) {
            case BigDecimal d -> d.toPlainString();
            case Double d -> plain(d.toString());
            case Float f -> plain(f.toString());
            default -> cell.toString();
        };
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
