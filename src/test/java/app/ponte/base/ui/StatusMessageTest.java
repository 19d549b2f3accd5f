package app.ponte.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.KaribuTest;
import app.ponte.security.Role;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;

/**
 * A success is said through the main layout's status region, which a screen reader follows, and
 * not through a new notification, whose opened state the browser reports back in a round trip.
 */
class StatusMessageTest extends KaribuTest {

    @Test
    void a_success_is_said_in_the_status_region_and_opens_no_notification() {
        login(testUsers.create("status-mkt", Role.MARKETING).username(), Role.MARKETING);
        UI.getCurrent().navigate("");

        FormErrors.success("Lead saved");

        StatusMessage status = _get(StatusMessage.class);
        assertThat(status.getElement().getAttribute("role")).isEqualTo("status");
        assertThat(status.getElement().getAttribute("aria-live")).isEqualTo("polite");
        assertThat(NotificationsKt.getNotifications()).isEmpty();
        StatusMessages.expect("Lead saved");
    }

    @Test
    void the_same_message_twice_is_said_twice() {
        login(testUsers.create("status-twice", Role.MARKETING).username(), Role.MARKETING);
        UI.getCurrent().navigate("");

        FormErrors.success("Interaction logged");
        FormErrors.success("Interaction logged");

        StatusMessages.expect("Interaction logged", "Interaction logged");
    }

    @Test
    void an_error_still_opens_a_notification() {
        login(testUsers.create("status-error", Role.MARKETING).username(), Role.MARKETING);
        UI.getCurrent().navigate("");

        FormErrors.error("Refused");

        NotificationsKt.expectNotifications("Refused");
        StatusMessages.expectNone();
    }
}
