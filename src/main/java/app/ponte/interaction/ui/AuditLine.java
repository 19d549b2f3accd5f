package app.ponte.interaction.ui;

import app.ponte.base.ui.Formats;
import app.ponte.interaction.InteractionType;
import com.vaadin.flow.component.Component;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/**
 * One stored audit line ("field: old → new", as {@code InteractionService} writes it, in English
 * field names and ISO values) shown in the reader's language: the field by its message key
 * ({@code interaction.audit.field.<field>}), types, yes/no, dates and times formatted; free text
 * (summary, next step) as written. What is stored stays as it is; a line this class does not
 * recognise (an older format, an unknown field, a value it cannot read) is shown as stored.
 */
final class AuditLine {

    static final Set<String> FIELDS = Set.of("type", "occurredAt", "planned", "summary", "outcomeScore", "nextStep",
            "nextStepDue");
    private static final String ARROW = " → ";
    private static final String NONE = "—";

    private AuditLine() {
    }

    static String render(Component owner, String stored, ZoneId zone, Locale locale) {
        int colon = stored.indexOf(": ");
        if (colon <= 0) {
            return stored;
        }
        String field = stored.substring(0, colon);
        if (!FIELDS.contains(field)) {
            return stored;
        }
        String values = stored.substring(colon + 2);
        String label = owner.getTranslation("interaction.audit.field." + field);
        if (field.equals("summary") || field.equals("nextStep")) {
            // free text may itself hold the arrow: shown as written
            return owner.getTranslation("interaction.audit.line", label, values);
        }
        String[] parts = values.split(ARROW, -1);
        if (parts.length != 2) {
            return owner.getTranslation("interaction.audit.line", label, values);
        }
        try {
            return owner.getTranslation("interaction.audit.change", label, value(owner, field, parts[0], zone, locale),
                    value(owner, field, parts[1], zone, locale));
        } catch (RuntimeException unreadable) {
            return owner.getTranslation("interaction.audit.line", label, values);
        }
    }

    private static String value(Component owner, String field, String value, ZoneId zone, Locale locale) {
        if (value.equals(NONE)) {
            return NONE;
        }
        return switch (field) {
            case "type" -> owner.getTranslation("interaction.type." + InteractionType.valueOf(value).name());
            case "planned" -> owner.getTranslation(Boolean.parseBoolean(value) ? "interaction.audit.yes"
                    : "interaction.audit.no");
            case "occurredAt" -> Formats.dateTime(Instant.parse(value), zone, locale);
            case "nextStepDue" -> Formats.date(LocalDate.parse(value).atStartOfDay(zone).toInstant(), zone, locale);
            case "outcomeScore" -> String.valueOf(Integer.parseInt(value));
            default -> value;
        };
    }
}
