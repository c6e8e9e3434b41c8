package fr.macrea.max.http;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code /api/} boundary on its own: bodies cut at the limit whoever reads them, errors as JSON without the
 * container's error dispatch, no session.
 */
class ApiFilterTest {

    private static final int LIMIT = 1024;

    private final ApiFilter filter = new ApiFilter(new HttpProperties(DataSize.ofBytes(LIMIT)));
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    /** A servlet standing for an endpoint. */
    private interface Endpoint {
        void handle(HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    private void call(MockHttpServletRequest request, Endpoint endpoint) throws Exception {
        HttpServlet servlet = new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
                endpoint.handle(req, res);
            }
        };
        filter.doFilter(request, response, new MockFilterChain(servlet));
    }

    /** A chunked body: no declared length, {@code size} bytes generated as read, counting what was read of it. */
    private static MockHttpServletRequest chunked(long size, AtomicLong read) {
        return new StreamedRequest(new InputStream() {
            @Override
            public int read() {
                if (read.get() >= size) {
                    return -1;
                }
                read.incrementAndGet();
                return '[';
            }
        });
    }

    @Test
    void a_chunked_body_past_the_limit_is_answered_413_and_read_no_further() throws Exception {
        AtomicLong read = new AtomicLong();

        call(chunked(10L * LIMIT, read), (req, res) -> JsonMapper.builder().build().readTree(req.getInputStream()));

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("\"key\":\"http.body.too-large\"");
        assertThat(response.getHeader("Connection")).isEqualTo("close");
        assertThat(read.get()).isLessThanOrEqualTo(LIMIT + 1);
    }

    @Test
    void an_endpoint_that_turns_the_read_failure_into_a_400_still_answers_413() throws Exception {
        AtomicLong read = new AtomicLong();

        call(chunked(10L * LIMIT, read), (req, res) -> {
            try {
                req.getInputStream().readAllBytes();
            } catch (IOException e) {
                res.sendError(400); // what Spring's message converters do with an unreadable body
            }
        });

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("\"key\":\"http.body.too-large\"");
    }

    @Test
    void a_declared_length_past_the_limit_is_refused_before_any_byte_is_read() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/x");
        request.setContent(new byte[LIMIT + 1]);
        AtomicReference<Integer> available = new AtomicReference<>();

        call(request, (req, res) -> {
            try {
                req.getInputStream();
            } finally {
                available.set(request.getInputStream().available());
            }
        });

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(available.get()).as("nothing consumed").isEqualTo(LIMIT + 1);
    }

    @Test
    void a_body_within_the_limit_reaches_the_endpoint_whole() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/x");
        byte[] body = "x".repeat(LIMIT).getBytes(StandardCharsets.US_ASCII);
        request.setContent(body);
        AtomicReference<byte[]> received = new AtomicReference<>();

        call(request, (req, res) -> {
            received.set(req.getInputStream().readAllBytes());
            res.setStatus(204);
        });

        assertThat(received.get()).isEqualTo(body);
        assertThat(response.getStatus()).isEqualTo(204);
    }

    @Test
    void errors_are_json_and_never_the_containers_error_page() throws Exception {
        call(new MockHttpServletRequest("GET", "/api/x"), (req, res) -> res.sendError(403));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getErrorMessage()).as("no error dispatch").isNull();
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .contains("\"key\":\"http.error.forbidden\"").contains("\"error\":\"Accès refusé.\"");
    }

    @Test
    void an_endpoint_that_wants_a_session_gets_none_and_the_call_fails_in_json() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/x");

        call(request, (req, res) -> req.getSession().setAttribute("state", "leak"));

        assertThat(request.getSession(false)).isNull();
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("\"key\":\"http.error.internal\"");
    }

    /** A mock request with a streamed body and no declared length (MockHttpServletRequest holds its content whole). */
    private static final class StreamedRequest extends MockHttpServletRequest {

        private final InputStream body;

        StreamedRequest(InputStream body) {
            super("POST", "/api/x");
            this.body = body;
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }

        @Override
        public int getContentLength() {
            return -1;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new DelegatingServletInputStream(body);
        }
    }
}
