package app.ponte.security;

import app.ponte.base.DisplayNamed;
import java.util.Collection;
import java.util.Locale;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in principal: Spring's user plus the account id the services key their rows by, and the full
 * name and language the UI needs. The id is read once at sign-in, so services do not look it up by username
 * on every call (decision 032).
 */
class PonteUserDetails extends User implements DisplayNamed {

    private final UserId userId;
    private final String fullName;
    private final Locale language;

    PonteUserDetails(UserId userId, String username, String passwordHash, boolean active,
            Collection<? extends GrantedAuthority> roles, String fullName, Locale language) {
        super(username, passwordHash, active, true, true, true, roles);
        this.userId = userId;
        this.fullName = fullName;
        this.language = language;
    }

    @Override
    public String displayName() {
        return fullName;
    }

    UserId userId() {
        return userId;
    }

    Locale language() {
        return language;
    }

    // equals and hashCode stay User's (by username), so the session registry finds every session.
    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
