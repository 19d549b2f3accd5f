package app.ponte.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.PonteTest;
import app.ponte.TestClock;
import app.ponte.TestUsers;
import app.ponte.base.PonteProperties;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.NewLead;
import app.ponte.notification.NotificationEntry;
import app.ponte.notification.NotificationKind;
import app.ponte.notification.NotificationService;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserSummary;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

@PonteTest
@Tag("persistence")
class NextStepReminderTest {

    @Autowired
    NextStepReminder reminder;

    @Autowired
    InteractionService interactions;

    @Autowired
    LeadService leads;

    @Autowired
    NotificationService notifications;

    @Autowired
    TestUsers testUsers;

    @Autowired
    TestClock clock;

    @Autowired
    PonteProperties properties;

    @AfterEach
    void cleanUp() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    @Test
    void each_person_hears_once_a_day_how_many_next_steps_are_due_today() {
        UserSummary rep = testUsers.create("due-rep", Role.MARKETING);
        InteractionServiceTest.signIn(rep);
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        LeadId lead = leads.create(new NewLead(TestUsers.uniqueName("Due"), null, null, null, "SEO", null, null, null));
        for (LocalDate due : List.of(today, today, today.plusDays(1))) {
            interactions.log(new NewInteraction(lead, InteractionType.EMAIL, null, false, null, "Sent the offer", null,
                    "Call back", due));
        }

        SystemCaller.call(reminder::remindDueToday);
        SystemCaller.call(reminder::remindDueToday);

        InteractionServiceTest.signIn(rep);
        List<NotificationEntry> mine = notifications.latest();
        assertThat(mine).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.NEXT_STEP_DUE);
            assertThat(n.args()).containsExactly("2");
            assertThat(n.route()).isEqualTo("agenda");
        });

        // the next day brings a new reminder, for the step due then
        clock.advance(java.time.Duration.ofDays(1));
        SystemCaller.call(reminder::remindDueToday);
        InteractionServiceTest.signIn(rep);
        assertThat(notifications.latest()).hasSize(2).first().satisfies(n -> assertThat(n.args()).containsExactly("1"));
    }
}
