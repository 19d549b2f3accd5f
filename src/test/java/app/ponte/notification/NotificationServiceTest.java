package app.ponte.notification;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

@PonteTest
@Tag("persistence")
class NotificationServiceTest {

    @Autowired
    NotificationService notifications;

    @Autowired
    TestUsers testUsers;

    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(UserSummary user) {
        var authorities = List.of(new SimpleGrantedAuthority("ROLE_SALES"));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user.username(), null, authorities));
    }

    private static NewNotification mention(UserSummary to, String onceKey) {
        return new NewNotification(to.id(), NotificationKind.MENTION, "leads/1", "notification.lead-reassigned",
                List.of("Rossi Spa", "anna"), onceKey);
    }

    @Test
    void a_notification_is_stored_for_its_recipient_only_and_rendered_from_its_key_and_arguments() {
        UserSummary bruno = testUsers.create("nt-bruno", Role.SALES);
        UserSummary carla = testUsers.create("nt-carla", Role.SALES);
        signIn(carla);
        notifications.send(mention(bruno, null));

        assertThat(notifications.unreadCount()).isZero();
        signIn(bruno);
        assertThat(notifications.unreadCount()).isEqualTo(1);
        NotificationEntry entry = notifications.latest().getFirst();
        assertThat(entry.kind()).isEqualTo(NotificationKind.MENTION);
        assertThat(entry.route()).isEqualTo("leads/1");
        assertThat(entry.args()).containsExactly("Rossi Spa", "anna");
        assertThat(entry.read()).isFalse();
    }

    @Test
    void a_rolled_back_transaction_leaves_no_notification() {
        UserSummary bruno = testUsers.create("nt-rb", Role.SALES);
        signIn(bruno);
        transactions.executeWithoutResult(status -> {
            notifications.send(mention(bruno, null));
            status.setRollbackOnly();
        });
        assertThat(notifications.unreadCount()).isZero();
    }

    @Test
    void a_notice_with_a_once_key_goes_out_once() {
        UserSummary bruno = testUsers.create("nt-once", Role.SALES);
        signIn(bruno);
        notifications.send(mention(bruno, "due:2026-11-23"));
        notifications.send(mention(bruno, "due:2026-11-23"));
        notifications.send(mention(bruno, "due:2026-11-24"));
        assertThat(notifications.unreadCount()).isEqualTo(2);
    }

    @Test
    void marking_read_counts_down_and_nobody_can_mark_someone_elses() {
        UserSummary bruno = testUsers.create("nt-read", Role.SALES);
        UserSummary carla = testUsers.create("nt-other", Role.SALES);
        signIn(bruno);
        notifications.send(mention(bruno, null));
        notifications.send(mention(bruno, null));
        long first = notifications.latest().getFirst().id();

        signIn(carla);
        notifications.markRead(first);
        signIn(bruno);
        assertThat(notifications.unreadCount()).isEqualTo(2);

        notifications.markRead(first);
        assertThat(notifications.unreadCount()).isEqualTo(1);
        assertThat(notifications.latest().getFirst().read()).isTrue();
        notifications.markAllRead();
        assertThat(notifications.unreadCount()).isZero();
    }

    @Test
    void the_bell_lists_the_latest_hundred_newest_first() {
        UserSummary bruno = testUsers.create("nt-many", Role.SALES);
        signIn(bruno);
        for (int i = 0; i < 105; i++) {
            notifications.send(new NewNotification(bruno.id(), NotificationKind.MENTION, "leads/" + i,
                    "notification.lead-reassigned", List.of("L" + i, "x")));
        }
        List<NotificationEntry> latest = notifications.latest();
        assertThat(latest).hasSize(100);
        assertThat(latest.getFirst().route()).isEqualTo("leads/104");
        assertThat(notifications.unreadCount()).isEqualTo(105);
    }
}
