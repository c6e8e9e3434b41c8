package fr.macrea.max.ui.base;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Prints the address M.A.X. really answers on once its web server has started. The start script used to echo
 * {@code http://localhost:8080} (or {@code $PORT}) before starting, which was wrong for {@code --server.port=...}
 * and for {@code server.port=0}; only the started server knows its port.
 * <p>
 * The line is printed once the application is ready, after the start-up runners (the demo data of a first start):
 * printed when the web server bound, it invited a sign-in that the demo users did not exist yet to accept.
 */
@Component
class StartupAddress {

    private static final Logger LOG = LoggerFactory.getLogger(StartupAddress.class);

    private final Environment environment;

    StartupAddress(Environment environment) {
        this.environment = environment;
    }

    private volatile int boundPort = -1;

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return; // a second server (management port): not the address users open
        }
        boundPort = event.getWebServer().getPort();
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        if (boundPort >= 0) {
            LOG.info("M.A.X. is up on {}", url(boundPort));
        }
    }

    /** The address to open: the bound address if one is set ({@code server.address}), else localhost. */
    String url(int port) {
        String host = environment.getProperty("server.address", "localhost");
        if (host.isBlank() || host.equals("0.0.0.0") || host.equals("::")) {
            host = "localhost";
        } else if (host.contains(":")) {
            host = "[" + host + "]";
        }
        String path = environment.getProperty("server.servlet.context-path", "");
        return "http://" + host + ":" + port + (path.equals("/") ? "" : path) + "/";
    }
}
