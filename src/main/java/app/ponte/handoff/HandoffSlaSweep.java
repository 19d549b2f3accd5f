package app.ponte.handoff;

import app.ponte.security.SystemCaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the SLA sweep as the system, by default at the start of every minute
 * ({@code ponte.handoff.sweep-cron}); tests switch scheduling off and call the sweep themselves.
 */
@Component
class HandoffSlaSweep {

    private static final Logger log = LoggerFactory.getLogger(HandoffSlaSweep.class);

    private final HandoffService handoffs;

    HandoffSlaSweep(HandoffService handoffs) {
        this.handoffs = handoffs;
    }

    @Scheduled(cron = "${ponte.handoff.sweep-cron:0 * * * * *}")
    void sweep() {
        try {
            int sent = SystemCaller.call(handoffs::sweepOverdue);
            if (sent > 0) {
                log.info("Handoff SLA: announced {} overdue handoff(s)", sent);
            }
        } catch (RuntimeException e) {
            log.warn("Handoff SLA sweep failed", e);
        }
    }
}
