package app.ponte.intake;

/**
 * The JSON a web form posts to {@code /api/leads}. Only {@code name} and {@code email} are
 * required; {@code channel} (a channel code) defaults to {@code ponte.intake.default-channel},
 * {@code intent} is INFORMATIONAL, NAVIGATIONAL or TRANSACTIONAL; {@code note} (at most 2,000
 * characters) is kept with the submission.
 */
public record WebForm(String name, String company, String email, String phone, String channel, String intent,
        String note) {
}
