package fr.macrea.max.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The baseline: the plainest SSE server the JDK allows (com.sun.net.httpserver, a virtual thread per connection
 * parked on its own queue, one pre-encoded frame shared by all connections). It checks the same Basic header as a
 * string, with no user lookup, no security chain, no database and no JSON.
 */
final class BareSseServer implements AutoCloseable {

    private static final byte[] HEARTBEAT = ": ping\n\n".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final String expectedAuthorization;
    private final Set<BlockingQueue<byte[]>> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;

    BareSseServer(String expectedAuthorization) throws IOException {
        this.expectedAuthorization = expectedAuthorization;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4096);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/events", this::stream);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    int connections() {
        return connections.size();
    }

    /** Hands one event to every open connection. */
    void broadcast(long seq) {
        byte[] frame = ("id: " + seq + "\nevent: bench\ndata: {\"seq\":" + seq + "}\n\n").getBytes(StandardCharsets.UTF_8);
        for (BlockingQueue<byte[]> connection : connections) {
            connection.offer(frame);
        }
    }

    private void stream(HttpExchange exchange) throws IOException {
        if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().add("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
        connections.add(queue);
        try (OutputStream out = exchange.getResponseBody()) {
            out.flush();
            while (running) {
                byte[] frame = queue.poll(15, TimeUnit.SECONDS);
                out.write(frame == null ? HEARTBEAT : frame);
                out.flush();
            }
        } catch (IOException | InterruptedException gone) {
            // client closed the connection or the server stops
        } finally {
            connections.remove(queue);
            exchange.close();
        }
    }

    /**
     * The baseline as its own process ({@code max-bench.jar bare-server <authorization>}), driven through its
     * standard input: a number broadcasts that event, {@code count} prints the open connections, EOF stops it.
     * Its own process keeps each JVM under the open-files limit with 5 000 connections on both servers at once.
     */
    static void serve(String authorization) throws IOException {
        try (BareSseServer server = new BareSseServer(authorization);
             var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            System.out.println("PORT " + server.port());
            System.out.flush();
            String line;
            while ((line = in.readLine()) != null) {
                line = line.strip();
                if (line.equals("count")) {
                    System.out.println("COUNT " + server.connections());
                    System.out.flush();
                } else if (!line.isEmpty()) {
                    server.broadcast(Long.parseLong(line));
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        server.stop(0);
    }
}
