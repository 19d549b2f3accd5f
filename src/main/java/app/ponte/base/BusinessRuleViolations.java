package app.ponte.base;

import java.util.List;

/**
 * Several broken rules of one request at once (a web form posting bad name and e-mail together),
 * so a program's caller can fix every field in one go. It is itself the first violation, so code
 * that knows only {@link BusinessRuleException} still shows a field and a message; the API adds
 * every field's message ({@code "errors"}).
 */
public class BusinessRuleViolations extends BusinessRuleException {

    private final transient List<BusinessRuleException> violations;

    private BusinessRuleViolations(List<BusinessRuleException> violations) {
        super(violations.getFirst().field().orElse(null), violations.getFirst().messageKey(),
                violations.getFirst().arguments());
        this.violations = List.copyOf(violations);
    }

    /** Throws nothing for an empty list, else {@link #of} the list. */
    public static void throwIfAny(List<BusinessRuleException> violations) {
        if (!violations.isEmpty()) {
            throw of(violations);
        }
    }

    /** The one violation alone, or several together (the list must not be empty). */
    public static BusinessRuleException of(List<BusinessRuleException> violations) {
        return violations.size() == 1 ? violations.getFirst() : new BusinessRuleViolations(violations);
    }

    /** The violations in the order they were found (at least two). */
    public List<BusinessRuleException> violations() {
        return violations;
    }
}
