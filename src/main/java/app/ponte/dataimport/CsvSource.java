package app.ponte.dataimport;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an import file record by record (RFC 4180 through Apache Commons CSV, UTF-8, a BOM
 * skipped), keeping the line each record starts on, and checks the header against the kind's
 * columns. Nothing is held beyond the current record.
 */
final class CsvSource implements AutoCloseable {

    /** A data record: where it starts, and its cells (by header position), or why it cannot be read. */
    record Record(long line, List<String> cells, String malformed) {
    }

    private final ImportKind kind;
    private final CountingStream counting;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final Map<String, Integer> positions = new HashMap<>();
    private final List<ImportProblem> headerProblems = new ArrayList<>();
    private boolean broken;

    CsvSource(InputStream in, ImportKind kind, Messages messages) {
        this.kind = kind;
        this.counting = new CountingStream(in);
        try {
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            var reader = new BufferedReader(new InputStreamReader(counting, decoder), 65536);
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            this.parser = CSVParser.builder().setReader(reader).setFormat(CSVFormat.RFC4180).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.records = parser.iterator();
        List<String> names = List.of();
        try {
            if (records.hasNext()) {
                names = records.next().toList().stream().map(String::strip).toList();
            }
        } catch (RuntimeException e) {
            headerProblems.add(new ImportProblem(1, null, messages.get("import.error.malformed", reason(e))));
        }
        this.header = names;
        check(kind, messages);
    }

    private void check(ImportKind kind, Messages messages) {
        if (header.isEmpty() && headerProblems.isEmpty()) {
            headerProblems.add(new ImportProblem(1, null, messages.get("import.error.empty")));
            return;
        }
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (positions.putIfAbsent(name, i) != null) {
                headerProblems.add(new ImportProblem(1, name, messages.get("import.error.column-twice", name)));
            } else if (!kind.columns().contains(name)) {
                headerProblems.add(new ImportProblem(1, name, messages.get("import.error.column-unknown", name,
                        String.join(", ", kind.columns()))));
            }
        }
        for (String required : kind.required()) {
            if (!positions.containsKey(required)) {
                headerProblems.add(new ImportProblem(1, required, messages.get("import.error.column-missing",
                        required)));
            }
        }
    }

    ImportKind kind() {
        return kind;
    }

    List<String> header() {
        return header;
    }

    List<ImportProblem> headerProblems() {
        return headerProblems;
    }

    /** The position of a column in the header, or -1 when the file does not have it. */
    int position(String column) {
        return positions.getOrDefault(column, -1);
    }

    /** The next data record, or null at the end (blank lines are skipped). */
    Record next() {
        while (!broken) {
            long before = parser.getCurrentLineNumber();
            try {
                if (!records.hasNext()) {
                    return null;
                }
                CSVRecord record = records.next();
                if (record.size() == 1 && record.get(0).isEmpty() && header.size() > 1) {
                    continue;
                }
                return new Record(before + 1, record.toList(), null);
            } catch (RuntimeException e) {
                broken = true;
                return new Record(before + 1, List.of(), reason(e));
            }
        }
        return null;
    }

    long bytesRead() {
        return counting.count;
    }

    private static String reason(RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage();
        if (cause instanceof java.nio.charset.CharacterCodingException) {
            return "not UTF-8";
        }
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class CountingStream extends FilterInputStream {

        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
