package app.ponte.base;

/**
 * One item of a batch that a service refused, by its position in the batch and the rule it broke;
 * the batch methods of history imports store the others and return these.
 */
public record Refused(int index, BusinessRuleException reason) {
}
