package app.ponte.base.ui;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * A push that reaches a tab in the instant its browser closes the socket (the person navigated
 * away or closed the tab while a live update or a section was on its way) is logged by Vaadin's
 * push handler as an ERROR with a stack trace, though nothing failed: the tab is gone, and its
 * next page gets everything anew. Only that one event is kept out of the log, so that an ERROR
 * there still means something went wrong (CI's browser test fails on any ERROR; decision 035).
 */
@Component
class ClosedTabPushLog {

    static final String PUSH_HANDLER = "com.vaadin.flow.server.communication.PushAtmosphereHandler";
    static final String CLOSED = "WebSocket session has been closed";

    ClosedTabPushLog() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.addTurboFilter(new ClosedSocketFilter());
        }
    }

    /** Denies the push handler's "message will not be sent, the WebSocket session has been closed". */
    static final class ClosedSocketFilter extends TurboFilter {

        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                Throwable t) {
            if (t instanceof IllegalStateException && t.getMessage() != null && t.getMessage().contains(CLOSED)
                    && PUSH_HANDLER.equals(logger.getName())) {
                return FilterReply.DENY;
            }
            return FilterReply.NEUTRAL;
        }
    }
}
