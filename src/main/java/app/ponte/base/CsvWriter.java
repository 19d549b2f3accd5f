package app.ponte.base;

import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes CSV as every export in Ponte does (see the spec, import.md "Export"): RFC 4180, UTF-8,
 * CRLF line ends, a header row, fields quoted when they hold a comma, quote or line break. A cell
 * that starts with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return gets a
 * leading {@code '} so a spreadsheet never runs it as a formula. Rows go straight to the stream,
 * so an export of any size never sits in memory. Closing does not close the stream it was given.
 */
public final class CsvWriter implements Flushable {

    private final Writer out;

    private CsvWriter(Writer out) {
        this.out = out;
    }

    /** A writer on the stream that has already written the header row. */
    public static CsvWriter withHeader(OutputStream stream, String... header) {
        var writer = new CsvWriter(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)));
        writer.row(Arrays.asList((Object[]) header));
        return writer;
    }

    /** One record; {@code null} is an empty field, anything else is written by {@code toString()}. */
    public CsvWriter row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    public CsvWriter row(List<?> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(field(cells.get(i)));
            }
            out.write("\r\n");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One field, protected against formula injection and quoted as RFC 4180 asks. */
    static String field(Object cell) {
        if (cell == null) {
            return "";
        }
        String text = cell.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
