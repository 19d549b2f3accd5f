package app.ponte.intake;

/** The answer to a web form: the lead's id, and whether it was already known by its e-mail. */
public record IntakeReceipt(long id, boolean duplicate) {
}
