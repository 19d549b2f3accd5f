package app.ponte.stats.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** The report's texts in one language, from the message bundles (MessageFormat: plurals by choice). */
public record ReportTexts(MessageSource messages, Locale locale) {

    public String get(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** A date as the reader writes it ("7 Dec 2026", "7 dic 2026"). */
    public String date(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    /** A month as the reader writes it ("Dec 2025", "dic 2025"). */
    public String month(LocalDate date) {
        return DateTimeFormatter.ofPattern("MMM yyyy", locale).format(date);
    }

    public String status(String status) {
        return get("status." + status);
    }
}
