package app.ponte.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.communication.JSR356WebsocketInitializer;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import org.atmosphere.cpr.AtmosphereFramework;
import org.junit.jupiter.api.Test;

class PushBuffersTest {

    /** Atmosphere as Vaadin leaves it: its message sizes at 16,384. */
    static final class Atmosphere extends AtmosphereFramework {
        Atmosphere() {
            super(false, false);
            addInitParameter("org.atmosphere.websocket.bufferSize", "16384");
            addInitParameter("org.atmosphere.websocket.maxTextMessageSize", "16384");
            addInitParameter("org.atmosphere.websocket.maxBinaryMessageSize", "16384");
        }

        String param(String name) {
            return initParams.get(name);
        }
    }

    @Test
    void every_push_websocket_opened_after_start_up_gets_small_receive_buffers() {
        var atmosphere = new Atmosphere();
        var context = mock(ServletContext.class);
        var config = mock(ServletConfig.class);
        when(config.getServletName()).thenReturn("springServlet");
        when(config.getServletContext()).thenReturn(context);
        when(context.getAttribute(JSR356WebsocketInitializer.getAttributeName("springServlet"))).thenReturn(atmosphere);
        var servlet = mock(VaadinServlet.class);
        when(servlet.getServletConfig()).thenReturn(config);
        var service = mock(VaadinServletService.class);
        when(service.getServlet()).thenReturn(servlet);

        new PushBuffers().serviceInit(new ServiceInitEvent(service));

        assertThat(atmosphere.param("org.atmosphere.websocket.maxTextMessageSize")).isEqualTo("1024");
        assertThat(atmosphere.param("org.atmosphere.websocket.maxBinaryMessageSize")).isEqualTo("1024");
        assertThat(atmosphere.param("org.atmosphere.websocket.bufferSize")).isEqualTo("1024");
    }
}
