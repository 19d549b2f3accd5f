package app.ponte.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

/** Only the push handler's "socket already closed" is kept out of the log; every other error stays. */
class ClosedTabPushLogTest {

    private final LoggerContext context = new LoggerContext();
    private final ClosedTabPushLog.ClosedSocketFilter filter = new ClosedTabPushLog.ClosedSocketFilter();

    @Test
    void a_push_to_a_tab_whose_socket_has_closed_is_not_logged() {
        var closed = new IllegalStateException("Message will not be sent because the WebSocket session has been closed");
        assertThat(filter.decide(null, context.getLogger(ClosedTabPushLog.PUSH_HANDLER), Level.ERROR,
                "Exception in push connection", null, closed)).isEqualTo(FilterReply.DENY);
    }

    @Test
    void any_other_push_error_and_the_same_message_from_elsewhere_are_logged() {
        var other = new IllegalStateException("Something else broke");
        assertThat(filter.decide(null, context.getLogger(ClosedTabPushLog.PUSH_HANDLER), Level.ERROR,
                "Exception in push connection", null, other)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, context.getLogger(ClosedTabPushLog.PUSH_HANDLER), Level.ERROR,
                "Exception in push connection", null, new RuntimeException("WebSocket session has been closed")))
                .isEqualTo(FilterReply.NEUTRAL);
        var closed = new IllegalStateException("Message will not be sent because the WebSocket session has been closed");
        assertThat(filter.decide(null, context.getLogger("app.ponte.Anything"), Level.ERROR, "x", null, closed))
                .isEqualTo(FilterReply.NEUTRAL);
    }
}
