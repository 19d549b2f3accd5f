package app.ponte.dataimport;

import java.util.Arrays;
import java.util.List;

/**
 * One column of an import kind, as the importer reads it and the import page explains it: its name,
 * whether every record needs a value, the format of a cell, the values it allows (for choices), the
 * condition that makes an optional column required, and an example value for the template. The
 * kinds' columns are declared once, in {@link ImportKind}; the reader ({@code Row}) takes the
 * required flag and the allowed values from here, so the page cannot describe a different rule.
 *
 * @param labels the message key prefix of the allowed values' names (e.g. {@code status.}), or null
 * @param requiredWhen when an optional column becomes required, or null
 */
public record ImportColumn(String name, boolean required, Format format, List<String> values, String labels,
        RequiredWhen requiredWhen, String example) {

    /** How a cell is written. */
    public enum Format {
        /** Free text. */
        TEXT,
        /** A person's username (an existing user, or one imported earlier). */
        USERNAME,
        /** A lead's {@code external_id} (a lead imported earlier). */
        LEAD,
        /** ISO-8601 with an offset or Z. */
        INSTANT,
        /** YYYY-MM-DD. */
        DATE,
        /** YYYY-MM. */
        MONTH,
        /** Digits, a point for decimals, no thousands separator. */
        MONEY,
        /** A whole number from 1 to 5. */
        SCORE,
        /** One of {@link ImportColumn#values()}. */
        CHOICE,
        /** Several of {@link ImportColumn#values()}, separated by {@code ;}. */
        CHOICE_LIST,
        /** The code of a channel (the channels are data: the page lists the active ones). */
        CHANNEL,
        /** Accepted in the header for a feature still to come; must be empty. */
        PLANNED
    }

    /** An optional column that a record must fill when another column has one of these values (any value when empty). */
    public record RequiredWhen(String column, List<String> values) {

        public RequiredWhen {
            values = List.copyOf(values);
        }
    }

    public ImportColumn {
        values = List.copyOf(values);
    }

    static ImportColumn requiredColumn(String name, Format format, String example) {
        return new ImportColumn(name, true, format, List.of(), null, null, example);
    }

    static ImportColumn optionalColumn(String name, Format format, String example) {
        return new ImportColumn(name, false, format, List.of(), null, null, example);
    }

    /** This column restricted to some constants of an enum, whose names are under {@code labels} in the bundles. */
    @SafeVarargs
    final <E extends Enum<E>> ImportColumn choices(String labelPrefix, E... allowed) {
        return new ImportColumn(name, required, format, Arrays.stream(allowed).map(Enum::name).toList(), labelPrefix,
                requiredWhen, example);
    }

    ImportColumn requiredWhen(String column, String... values) {
        return new ImportColumn(name, required, format, this.values, labels, new RequiredWhen(column, List.of(values)),
                example);
    }

    /** The same column with its allowed values found at run time (the channels). */
    public ImportColumn withValues(List<String> found) {
        return new ImportColumn(name, required, format, found, labels, requiredWhen, example);
    }
}
