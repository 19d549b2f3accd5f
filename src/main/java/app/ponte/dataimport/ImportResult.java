package app.ponte.dataimport;

import java.util.List;

/**
 * What an import did: with no problems, {@code imported} data records were stored; with problems
 * (at most {@link ImportService#MAX_PROBLEMS}, in file order), nothing from the file was stored.
 */
public record ImportResult(ImportKind kind, long imported, List<ImportProblem> problems) {

    public ImportResult {
        problems = List.copyOf(problems);
    }

    public boolean stored() {
        return problems.isEmpty();
    }
}
