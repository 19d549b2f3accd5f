package app.ponte.base.ui;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The push WebSocket without per-message compression (decision 042): the browser
 * offers {@code permessage-deflate}, and Tomcat would keep a 32 KiB inflate window on the heap and a
 * zlib deflater (about 256 KiB) off it for every open tab, for as long as the tab stays open. Hiding the
 * offer from the handshake lets Tomcat answer without the extension. Push messages then go as plain
 * text, as the XHR responses of the same UI already do.
 */
@Configuration(proxyBeanMethods = false)
class PushWithoutCompression {

    static final String EXTENSIONS_HEADER = "Sec-WebSocket-Extensions";

    @Bean
    FilterRegistrationBean<Filter> pushWithoutCompressionFilter() {
        var registration = new FilterRegistrationBean<Filter>(new HideExtensions());
        registration.addUrlPatterns("/VAADIN/push", "/VAADIN/push/*");
        // before Tomcat's WebSocket filter, which Tomcat maps after every registered filter
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("pushWithoutCompression");
        return registration;
    }

    static final class HideExtensions implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (request instanceof HttpServletRequest http && http.getHeader(EXTENSIONS_HEADER) != null) {
                chain.doFilter(new WithoutExtensions(http), response);
            } else {
                chain.doFilter(request, response);
            }
        }
    }

    static final class WithoutExtensions extends HttpServletRequestWrapper {
        WithoutExtensions(HttpServletRequest request) {
            super(request);
        }

        private static boolean hidden(String name) {
            return EXTENSIONS_HEADER.equalsIgnoreCase(name);
        }

        @Override
        public String getHeader(String name) {
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !hidden(name)).toList());
        }
    }
}
