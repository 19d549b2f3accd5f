package app.ponte.security;

/** A token just created: the secret is here once and is never stored nor shown again. */
public record CreatedApiToken(String secret, ApiTokenSummary summary) {
}
