package app.ponte.dataimport;

import java.util.List;

/**
 * The first records of a file as the import would read them, before anything is stored: the
 * header, the rows' cells (one list per record, in header order), and what is wrong with the header.
 */
public record ImportPreview(ImportKind kind, List<String> header, List<List<String>> rows,
        List<ImportProblem> headerProblems) {

    public ImportPreview {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        headerProblems = List.copyOf(headerProblems);
    }
}
