package app.ponte.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** An anonymity threshold below 3 would identify people: the application refuses to start. */
class SurveyPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SurveyProperties.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                    ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Test
    void the_default_threshold_is_five() {
        runner.run(context -> assertThat(context.getBean(SurveyProperties.class).anonymityThreshold()).isEqualTo(5));
    }

    @Test
    void three_is_the_lowest_accepted_threshold() {
        runner.withPropertyValues("ponte.survey.anonymity-threshold=3")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void a_threshold_below_three_stops_start_up() {
        runner.withPropertyValues("ponte.survey.anonymity-threshold=2")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("anonymityThreshold"));
    }
}
