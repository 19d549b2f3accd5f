package app.ponte.security;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Ends the open sessions of an account, e.g. when an administrator deactivates it. */
@Component
class SignedInSessions {

    private final SessionRegistry registry;

    SignedInSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /** Expires the user's sessions once the surrounding transaction has committed. */
    void endSessionsAfterCommit(String username) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    endSessions(username);
                }
            });
        } else {
            endSessions(username);
        }
    }

    private void endSessions(String username) {
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof org.springframework.security.core.userdetails.UserDetails details
                    && details.getUsername().equals(username)) {
                registry.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
            }
        }
    }
}
