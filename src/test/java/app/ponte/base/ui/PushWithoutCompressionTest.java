package app.ponte.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class PushWithoutCompressionTest {

    @Test
    void the_push_handshake_reaches_tomcat_without_the_compression_offer() throws Exception {
        var request = new MockHttpServletRequest("GET", "/VAADIN/push");
        request.addHeader("Upgrade", "websocket");
        request.addHeader("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits");
        var chain = new MockFilterChain();

        new PushWithoutCompression.HideExtensions().doFilter(request, new MockHttpServletResponse(), chain);

        var seen = (HttpServletRequest) chain.getRequest();
        assertThat(seen.getHeader("sec-websocket-extensions")).isNull();
        assertThat(Collections.list(seen.getHeaders("Sec-WebSocket-Extensions"))).isEmpty();
        assertThat(Collections.list(seen.getHeaderNames())).containsExactly("Upgrade");
        assertThat(seen.getHeader("Upgrade")).isEqualTo("websocket");
    }

    @Test
    void a_request_without_the_offer_passes_as_it_is() throws Exception {
        var request = new MockHttpServletRequest("GET", "/VAADIN/push");
        var chain = new MockFilterChain();

        new PushWithoutCompression.HideExtensions().doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }
}
