package app.ponte.lead;

/**
 * A lead as a web form sends it (the intake API): raw text, so that a bad channel or intent is a
 * field message like any other instead of a parse error.
 */
public record WebLead(String name, String company, String email, String phone, String channelCode, String intent) {
}
