package app.ponte.security;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for this account or from this address: try again later. */
class SignInThrottledException extends AuthenticationException {

    SignInThrottledException() {
        super("too many failed sign-ins, try again later");
    }
}
