package app.ponte;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Ponte: marketing and sales carry leads across the bridge together. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class Application {

    private static final String WEBSOCKET_BUFFER = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

    public static void main(String[] args) {
        // Tomcat sizes each WebSocket's buffers from this (read once, before the server starts): 8 KiB
        // each by default, kept for as long as a tab is open. Push only sends to the browser
        // (Vaadin's WEBSOCKET_XHR: the browser answers by XHR), so small buffers cost nothing but
        // fragment a large push into more frames (decision 038).
        if (System.getProperty(WEBSOCKET_BUFFER) == null) {
            System.setProperty(WEBSOCKET_BUFFER, "1024");
        }
        SpringApplication.run(Application.class, args);
    }
}
