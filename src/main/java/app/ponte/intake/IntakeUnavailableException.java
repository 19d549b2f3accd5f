package app.ponte.intake;

/** The intake is not set up ({@code ponte.intake.owner} missing or not an active marketer): 503. */
public class IntakeUnavailableException extends RuntimeException {

    IntakeUnavailableException(String message) {
        super(message);
    }
}
