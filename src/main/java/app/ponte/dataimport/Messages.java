package app.ponte.dataimport;

import java.util.Locale;
import org.springframework.context.MessageSource;

/** The import's texts in one language: the API answers in English, the admin page in the admin's. */
record Messages(MessageSource source, Locale locale) {

    String get(String key, Object... arguments) {
        return source.getMessage(key, arguments, key, locale);
    }
}
