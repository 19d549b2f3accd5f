package app.ponte.base;

import java.util.Arrays;
import java.util.Optional;

/**
 * A request the rules refuse: bad input or a forbidden move. It names the field at fault (when
 * there is one) and a message key from the bundles, so a form shows the message beside the field
 * and the API answers 400 with the same text.
 */
public class BusinessRuleException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] arguments;

    public BusinessRuleException(String field, String messageKey, Object... arguments) {
        super(messageKey + (field == null ? "" : " (" + field + ")"));
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments == null ? new Object[0] : arguments.clone();
    }

    /** The input field at fault, or empty for a rule that concerns the whole request. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return Arrays.copyOf(arguments, arguments.length);
    }
}
