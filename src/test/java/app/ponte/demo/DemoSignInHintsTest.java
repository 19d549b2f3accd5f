package app.ponte.demo;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.security.SignInHints;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The sign-in page's demo accounts exist only with demo data on (the dev profile), never in production. */
class DemoSignInHintsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(DemoSignInHints.class);

    @Test
    void with_demo_data_the_active_demo_accounts_and_their_password_are_offered() {
        context.withPropertyValues("ponte.demo-data=true").run(app -> {
            SignInHints hints = app.getBean(SignInHints.class);
            assertThat(hints.password()).isEqualTo("ponte-demo");
            assertThat(hints.accounts()).extracting(SignInHints.Account::username)
                    .contains("admin", "manager", "sromano", "rossi", "pmarino").doesNotContain("tfontana");
        });
    }

    @Test
    void without_demo_data_nothing_is_offered() {
        context.withPropertyValues("ponte.demo-data=false").run(app -> assertThat(app).doesNotHaveBean(SignInHints.class));
        context.run(app -> assertThat(app).doesNotHaveBean(SignInHints.class));
    }
}
