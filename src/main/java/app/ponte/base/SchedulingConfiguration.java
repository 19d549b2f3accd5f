package app.ponte.base;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background jobs ({@code @Scheduled}: the SLA sweep, survey runs, due next steps, presence
 * clean-up). Tests switch them off ({@code ponte.scheduling.enabled=false}) and call the jobs
 * directly, so a job never fires in the middle of a test.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "ponte.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {
}
