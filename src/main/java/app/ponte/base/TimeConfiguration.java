package app.ponte.base;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole application, so tests can fix "now"; and scheduled work ({@code @Scheduled}
 * methods of the features) switched on.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.scheduling.annotation.EnableScheduling
class TimeConfiguration {

    @Bean
    Clock clock(PonteProperties properties) {
        return Clock.system(properties.zone());
    }
}
