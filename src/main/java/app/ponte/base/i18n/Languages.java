package app.ponte.base.i18n;

import java.util.List;
import java.util.Locale;

/** The languages the user interface speaks; the first is the default. */
public final class Languages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale ITALIAN = Locale.ITALIAN;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, ITALIAN);

    private Languages() {
    }

    /** The supported language for a tag such as {@code it} or {@code it-IT}; English otherwise. */
    public static Locale of(String tag) {
        if (tag == null) {
            return ENGLISH;
        }
        String language = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(ENGLISH);
    }
}
