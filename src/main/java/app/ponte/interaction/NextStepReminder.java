package app.ponte.interaction;

import app.ponte.base.PonteProperties;
import app.ponte.notification.NotificationKind;
import app.ponte.notification.NotificationService;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserId;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells each person, once a day, how many of their next steps are due today (in the business time
 * zone). Runs every quarter of an hour so a node started late in the day still sends it; the
 * notification's once-key makes a second run, or a second node, send nothing more.
 */
@Component
public class NextStepReminder {

    private final JdbcClient jdbc;
    private final NotificationService notifications;
    private final Clock clock;
    private final PonteProperties properties;

    NextStepReminder(JdbcClient jdbc, NotificationService notifications, Clock clock, PonteProperties properties) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT1M")
    public void run() {
        SystemCaller.run(this::remindDueToday);
    }

    /** Sends today's reminders; returns how many people were reminded by this call. */
    @Transactional
    public int remindDueToday() {
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        record Due(long userId, int count) {
        }
        List<Due> due = jdbc.sql("select user_id, count(*) from interaction where next_step_due = :today"
                        + " and next_step_done_at is null and next_step is not null group by user_id")
                .param("today", today)
                .query((rs, i) -> new Due(rs.getLong(1), rs.getInt(2))).list();
        int sent = 0;
        for (Due d : due) {
            if (notifications.send(new app.ponte.notification.NewNotification(new UserId(d.userId()),
                    NotificationKind.NEXT_STEP_DUE, "agenda",
                    d.count() == 1 ? "notification.next-steps-due.one" : "notification.next-steps-due.many",
                    List.of(Integer.toString(d.count())), "next-steps-due:" + today))) {
                sent++;
            }
        }
        return sent;
    }
}
