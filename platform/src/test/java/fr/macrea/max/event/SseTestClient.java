package fr.macrea.max.event;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** A minimal SSE client over java.net.http: parses the stream into messages, as a browser's EventSource would. */
final class SseTestClient implements AutoCloseable {

    record Message(String id, String event, String data) {
        long numericId() {
            return Long.parseLong(id);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final AtomicInteger comments = new AtomicInteger();
    private final Stream<String> lines;
    private final Thread reader;

    private SseTestClient(Stream<String> lines) {
        this.lines = lines;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    static HttpResponse<Stream<String>> request(int port, String email, String password, String lastEventId)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events"))
                .header("Accept", "text/event-stream")
                .GET();
        if (email != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
    }

    static SseTestClient connect(int port, String email, String password, String lastEventId)
            throws IOException, InterruptedException {
        HttpResponse<Stream<String>> response = request(port, email, password, lastEventId);
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IllegalStateException("SSE connection refused: " + response.statusCode());
        }
        return new SseTestClient(response.body());
    }

    private void read() {
        String id = null;
        String event = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        messages.add(new Message(id, event, data.toString()));
                    }
                    id = null;
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.incrementAndGet();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).stripLeading());
                }
            }
        } catch (RuntimeException closed) {
            // the stream was closed by the test or the server
        }
    }

    /** The next message, or null when none arrives in time. */
    Message next(long seconds) throws InterruptedException {
        return messages.poll(seconds, TimeUnit.SECONDS);
    }

    /** Exactly {@code count} messages (fails when they do not all arrive in time). */
    List<Message> take(int count) throws InterruptedException {
        List<Message> taken = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Message message = next(20);
            if (message == null) {
                throw new AssertionError("expected " + count + " SSE messages, got " + taken);
            }
            taken.add(message);
        }
        return taken;
    }

    /** Every message received so far, without waiting. */
    List<Message> drained() {
        List<Message> all = new ArrayList<>();
        messages.drainTo(all);
        return all;
    }

    int comments() {
        return comments.get();
    }

    @Override
    public void close() {
        lines.close();
        reader.interrupt();
    }
}
