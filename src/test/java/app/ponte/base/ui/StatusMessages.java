package app.ponte.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import java.util.List;

/**
 * For UI tests: the success messages a view said through the main layout's status region
 * ({@link StatusMessage}), as Karibu's {@code expectNotifications} does for notifications.
 */
public final class StatusMessages {

    private StatusMessages() {
    }

    /** Asserts the messages shown since the last check, in order, and forgets them. */
    public static void expect(String... messages) {
        // the region is filled as the response is written
        MockVaadin.clientRoundtrip(false);
        StatusMessage status = StatusMessage.current()
                .orElseThrow(() -> new AssertionError("no status region: the view is not inside the main layout"));
        assertThat(status.shown()).containsExactly(messages);
        status.clear();
    }

    /** Asserts that no success message was shown since the last check. */
    public static void expectNone() {
        MockVaadin.clientRoundtrip(false);
        assertThat(StatusMessage.current().map(StatusMessage::shown).orElse(List.of())).isEmpty();
    }
}
