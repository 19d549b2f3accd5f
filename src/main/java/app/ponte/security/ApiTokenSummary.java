package app.ponte.security;

import java.time.Instant;

/** A stored token as listed: never its secret, only the first characters for recognition. */
public record ApiTokenSummary(ApiTokenId id, String name, String prefix, Role role, String createdBy,
        Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

    /** Usable at {@code now}: neither revoked nor expired. */
    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
