package app.ponte.base.i18n;

import org.springframework.context.MessageSourceResolvable;

/**
 * A piece of data that exists in both languages (a channel's name), passed as an argument of a
 * message (a {@code BusinessRuleException}'s): Spring's {@code MessageSource} resolves it in the
 * reader's language when it formats the message, so a service refusing something needs no locale.
 * The choice is made by the bundles themselves ({@code text.bilingual} is {@code {0}} in English,
 * {@code {1}} in Italian), which is why every path that formats messages — the views, the API's
 * English answers, the import's problems — picks the right one.
 */
public record Bilingual(String english, String italian) implements MessageSourceResolvable {

    @Override
    public String[] getCodes() {
        return new String[] {"text.bilingual"};
    }

    @Override
    public Object[] getArguments() {
        return new Object[] {english, italian == null ? english : italian};
    }

    @Override
    public String getDefaultMessage() {
        return english;
    }

    @Override
    public String toString() {
        return english;
    }
}
