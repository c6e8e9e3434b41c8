package fr.macrea.max.ui.base;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The start-up line names the port the server really bound, whatever chose it. */
@ExtendWith(OutputCaptureExtension.class)
class StartupAddressTest {

    private static WebServerInitializedEvent started(int port, String namespace) {
        WebServer server = mock(WebServer.class);
        when(server.getPort()).thenReturn(port);
        WebServerApplicationContext context = mock(WebServerApplicationContext.class);
        when(context.getServerNamespace()).thenReturn(namespace);
        return new WebServerInitializedEvent(server) {
            @Override
            public WebServerApplicationContext getApplicationContext() {
                return context;
            }
        };
    }

    @Test
    void logs_the_bound_port_not_the_default(CapturedOutput output) {
        // server.port=0 or --server.port=9137: the configured value says nothing, the started server does
        StartupAddress address = new StartupAddress(new MockEnvironment().withProperty("server.port", "0"));
        address.serverStarted(started(41873, null));
        assertThat(output.getOut()).as("not before the start-up runners (demo data) are done").doesNotContain("is up");

        address.ready();

        assertThat(output.getOut()).contains("M.A.X. is up on http://localhost:41873/").doesNotContain(":8080");
    }

    @Test
    void names_the_bound_address_and_context_path_and_ignores_a_management_server(CapturedOutput output) {
        MockEnvironment environment = new MockEnvironment().withProperty("server.address", "192.168.1.20")
                .withProperty("server.servlet.context-path", "/max");
        StartupAddress address = new StartupAddress(environment);

        address.serverStarted(started(9137, "management"));
        address.ready();
        assertThat(output.getOut()).doesNotContain("M.A.X. is up");

        address.serverStarted(started(9136, null));
        address.ready();
        assertThat(output.getOut()).contains("M.A.X. is up on http://192.168.1.20:9136/max/");
        assertThat(new StartupAddress(new MockEnvironment().withProperty("server.address", "0.0.0.0")).url(80))
                .isEqualTo("http://localhost:80/");
    }
}
