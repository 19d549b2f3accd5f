package app.ponte.dataimport;

/**
 * A bad row (or header) of an import file: the line where its record starts (the header is line
 * 1), the column at fault (null when the record as a whole is wrong) and the message.
 */
public record ImportProblem(long line, String column, String message) {
}
