package app.ponte.demo;

import app.ponte.security.SignInHints;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** The demo team's active accounts and their shared password, for the sign-in page — only with demo data on. */
@Component
@ConditionalOnBooleanProperty("ponte.demo-data")
class DemoSignInHints implements SignInHints {

    @Override
    public List<Account> accounts() {
        return DemoTeam.MEMBERS.stream().filter(DemoTeam.Member::active)
                .map(m -> new Account(m.username(), m.fullName(), m.roles())).toList();
    }

    @Override
    public String password() {
        return DemoTeam.PASSWORD;
    }
}
