package app.ponte.lead;

import app.ponte.base.i18n.Languages;
import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/**
 * An acquisition channel, managed by administrators. The code is the stable key (imports, exports,
 * the API, statistics); people see the name in their language (decision 023): {@code italianName}
 * is null when it is the same as the English one.
 */
public record Channel(String code, String englishName, String italianName, ChannelKind kind, boolean active,
        long version) {

    /** The name to show someone reading in this language (English for any language but Italian). */
    public String name(Locale locale) {
        boolean italian = locale != null && Languages.ITALIAN.getLanguage().equals(locale.getLanguage());
        return italian && italianName != null ? italianName : englishName;
    }

    /** Channels in the order of their names in this language (for lists people pick from). */
    public static Comparator<Channel> byName(Locale locale) {
        Collator collator = Collator.getInstance(locale == null ? Locale.ENGLISH : locale);
        return Comparator.comparing((Channel c) -> c.name(locale), collator).thenComparing(Channel::code);
    }

    /** The Italian name as shown: the English one when none was given. */
    public String italianNameShown() {
        return italianName != null ? italianName : englishName;
    }
}
