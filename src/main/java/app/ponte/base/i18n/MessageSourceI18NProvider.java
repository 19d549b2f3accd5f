package app.ponte.base.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * Vaadin's translations come from Spring's {@code messages.properties} bundles, so views,
 * services and e-mails share one set of texts in English and Italian.
 */
@Component
class MessageSourceI18NProvider implements I18NProvider {

    private final MessageSource messages;

    MessageSourceI18NProvider(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return Languages.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        try {
            return messages.getMessage(key, params, locale == null ? Locale.ENGLISH : locale);
        } catch (NoSuchMessageException e) {
            return "!" + key;
        }
    }
}
