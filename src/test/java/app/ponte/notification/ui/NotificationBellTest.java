package app.ponte.notification.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.ponte.KaribuTest;
import app.ponte.lead.Intent;
import app.ponte.lead.LeadChanges;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.NewLead;
import app.ponte.notification.NewNotification;
import app.ponte.notification.NotificationKind;
import app.ponte.notification.NotificationService;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class NotificationBellTest extends KaribuTest {

    @Autowired
    NotificationService notifications;

    @Autowired
    LeadService leads;

    private NotificationBell bell() {
        return _get(NotificationBell.class);
    }

    private static void eventually(java.util.function.BooleanSupplier condition) {
        await().pollInSameThread().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).until(() -> {
            MockVaadin.clientRoundtrip(false);
            return condition.getAsBoolean();
        });
    }

    @Test
    void a_lead_reassigned_to_me_rings_my_bell_without_a_reload_and_opens_the_lead() {
        UserSummary me = testUsers.create("bell-me", Role.SALES);
        UserSummary manager = testUsers.create("bell-mgr", Role.MANAGER);
        login(manager.username(), Role.MANAGER);
        LeadId id = leads.create(new NewLead("Bell lead", null, null, null, "SEO", Intent.INFORMATIONAL, null, null));
        login(me.username(), Role.SALES);
        UI.getCurrent().navigate("");
        assertThat(bell().shownCount()).isZero();

        login(manager.username(), Role.MANAGER);
        LeadDetails d = leads.get(id).orElseThrow();
        leads.update(id, new LeadChanges(d.name(), d.company(), d.email(), d.phone(), d.channelCode(), d.intent(),
                null, me.id(), d.version()));
        login(me.username(), Role.SALES);

        eventually(() -> bell().shownCount() == 1);
        _click(_get(Button.class, spec -> spec.withId("notification-bell")));
        Div item = _find(bell().list(), Div.class, spec -> spec.withClasses("ponte-bell-item")).getFirst();
        assertThat(item.getElement().getTextRecursively()).contains(manager.username() + " assigned the lead Bell lead to you");
        bell().open(notifications.latest().getFirst());
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("leads/" + id.value());
        eventually(() -> bell().shownCount() == 0);
    }

    @Test
    void mark_all_read_clears_the_count() {
        UserSummary me = testUsers.create("bell-all", Role.MARKETING);
        login(me.username(), Role.MARKETING);
        notifications.send(new NewNotification(me.id(), NotificationKind.MENTION, "leads", "notification.lead-reassigned",
                List.of("A", "b")));
        notifications.send(new NewNotification(me.id(), NotificationKind.MENTION, "leads", "notification.lead-reassigned",
                List.of("C", "d")));
        UI.getCurrent().navigate("");
        assertThat(bell().shownCount()).isEqualTo(2);
        _click(_get(Button.class, spec -> spec.withId("notification-bell")));
        _click(_get(Button.class, spec -> spec.withId("notification-mark-all")));
        assertThat(bell().shownCount()).isZero();
        assertThat(notifications.unreadCount()).isZero();
    }
}
