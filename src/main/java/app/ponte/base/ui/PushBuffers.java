package app.ponte.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.communication.JSR356WebsocketInitializer;
import org.atmosphere.cpr.AtmosphereFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Small receive buffers for each push WebSocket (decision 038). Vaadin sets Atmosphere's message sizes
 * to 16,384 and offers no setting; Atmosphere reads them again for every new connection, so changing
 * them once the framework is set up applies to every tab opened after. Push uses WEBSOCKET_XHR: the
 * browser sends its events by XHR, never over the WebSocket, so nothing large is ever received there.
 */
@Component
class PushBuffers implements VaadinServiceInitListener {

    static final String RECEIVE_BUFFER = "1024";

    private static final Logger log = LoggerFactory.getLogger(PushBuffers.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        if (!(event.getSource() instanceof VaadinServletService service) || service.getServlet() == null) {
            return;
        }
        var config = service.getServlet().getServletConfig();
        Object framework = config.getServletContext()
                .getAttribute(JSR356WebsocketInitializer.getAttributeName(config.getServletName()));
        if (framework instanceof AtmosphereFramework atmosphere) {
            atmosphere.addInitParameter("org.atmosphere.websocket.bufferSize", RECEIVE_BUFFER);
            atmosphere.addInitParameter("org.atmosphere.websocket.maxTextMessageSize", RECEIVE_BUFFER);
            atmosphere.addInitParameter("org.atmosphere.websocket.maxBinaryMessageSize", RECEIVE_BUFFER);
        } else {
            log.info("Push buffers left at Vaadin's sizes: no Atmosphere framework for servlet {}", // i18n-ignore: log
                    config.getServletName());
        }
    }
}
