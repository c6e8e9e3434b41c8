package fr.macrea.max.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Many SSE subscribers on one NIO selector thread: HTTP/1.1 request, chunked decoding, SSE {@code data:} lines.
 * Each {@code data:} line carries {@code "seq":N}; the delivery latency is the time from {@link #published} of N to
 * the moment its bytes are read. The same client measures both servers.
 */
final class SseLoadClient implements AutoCloseable {

    private final InetSocketAddress address;
    private final byte[] request;
    private final int total;
    private final Selector selector;
    private final Thread loop;
    private final AtomicLongArray publishedAt;
    private final List<Connection> connections = new ArrayList<>();
    private final CountDownLatch allConnected;
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicLong deliveries = new AtomicLong();
    private volatile long measureFromSeq = Long.MAX_VALUE;
    private long[] latencies;
    private int latencyCount;
    private volatile boolean running = true;

    SseLoadClient(int port, String path, String authorization, int connections, int maxSeq) throws IOException {
        this.address = new InetSocketAddress("127.0.0.1", port);
        this.request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: text/event-stream\r\n"
                + "Authorization: " + authorization + "\r\nCache-Control: no-cache\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        this.total = connections;
        this.allConnected = new CountDownLatch(connections);
        this.publishedAt = new AtomicLongArray(maxSeq + 1);
        this.selector = Selector.open();
        this.loop = Thread.ofPlatform().name("sse-load-client").daemon().start(this::run);
    }

    /** Opens every connection, at most {@code inFlight} handshakes at a time; waits for all 200 responses. */
    boolean connectAll(int inFlight, long timeoutSeconds) throws Exception {
        java.util.concurrent.Semaphore permits = new java.util.concurrent.Semaphore(inFlight);
        for (int i = 0; i < total; i++) {
            permits.acquire();
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Connection connection = new Connection(channel, permits);
            synchronized (connections) {
                connections.add(connection);
            }
            channel.connect(address);
            pendingRegistrations.add(connection);
            selector.wakeup();
        }
        return allConnected.await(timeoutSeconds, TimeUnit.SECONDS) && refused.get() == 0;
    }

    private final java.util.concurrent.ConcurrentLinkedQueue<Connection> pendingRegistrations =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** Records the publication time of an event, just before it is published. */
    void published(long seq) {
        publishedAt.set((int) seq, System.nanoTime());
    }

    /** Latencies are kept for events from this sequence number on (earlier ones are warm-up). */
    synchronized void measureFrom(long seq, int expectedSamples) {
        latencies = new long[expectedSamples];
        latencyCount = 0;
        measureFromSeq = seq;
    }

    long deliveries() {
        return deliveries.get();
    }

    synchronized long[] latencies() {
        return java.util.Arrays.copyOf(latencies, latencyCount);
    }

    synchronized int measured() {
        return latencyCount;
    }

    int refused() {
        return refused.get();
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        byte[] bytes = new byte[64 * 1024];
        try {
            while (running) {
                selector.select(100);
                Connection pending;
                while ((pending = pendingRegistrations.poll()) != null) {
                    pending.channel.register(selector, SelectionKey.OP_CONNECT, pending);
                }
                var keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Connection connection = (Connection) key.attachment();
                    try {
                        if (key.isConnectable()) {
                            connection.channel.finishConnect();
                            connection.channel.write(ByteBuffer.wrap(request)); // small: fits the socket buffer
                            key.interestOps(SelectionKey.OP_READ);
                        } else if (key.isReadable()) {
                            buffer.clear();
                            int read = connection.channel.read(buffer);
                            if (read < 0) {
                                connection.closed();
                                key.cancel();
                                continue;
                            }
                            long now = System.nanoTime();
                            buffer.flip();
                            buffer.get(bytes, 0, read);
                            connection.consume(bytes, read, now);
                        }
                    } catch (IOException e) {
                        connection.closed();
                        key.cancel();
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized void record(long seq, long now) {
        if (seq < measureFromSeq || seq >= publishedAt.length()) {
            return;
        }
        long sent = publishedAt.get((int) seq);
        if (sent != 0 && latencyCount < latencies.length) {
            latencies[latencyCount++] = now - sent;
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        synchronized (connections) {
            for (Connection connection : connections) {
                connection.channel.close();
            }
        }
        selector.wakeup();
        try {
            loop.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        selector.close();
    }

    /** One HTTP/1.1 SSE response, parsed incrementally. */
    private final class Connection {
        private static final byte[] SEQ = "\"seq\":".getBytes(StandardCharsets.US_ASCII);

        final SocketChannel channel;
        private final java.util.concurrent.Semaphore handshakePermits;
        private final StringBuilder header = new StringBuilder();
        private boolean headersDone;
        private boolean chunked;
        private boolean counted;
        // chunked decoding: -1 = reading a size line, >0 = bytes left in the chunk, -2 = skipping the CRLF after it
        private long chunkLeft = -1;
        private final StringBuilder sizeLine = new StringBuilder();
        private final byte[] line = new byte[8192];
        private int lineLength;

        Connection(SocketChannel channel, java.util.concurrent.Semaphore handshakePermits) {
            this.channel = channel;
            this.handshakePermits = handshakePermits;
        }

        void consume(byte[] data, int length, long now) {
            int i = 0;
            if (!headersDone) {
                while (i < length && !headersDone) {
                    header.append((char) data[i++]);
                    int n = header.length();
                    if (n >= 4 && header.charAt(n - 1) == '\n' && header.charAt(n - 2) == '\r'
                            && header.charAt(n - 3) == '\n' && header.charAt(n - 4) == '\r') {
                        headersDone = true;
                        String head = header.toString();
                        chunked = head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked");
                        boolean ok = head.startsWith("HTTP/1.1 200");
                        if (!ok) {
                            refused.incrementAndGet();
                            System.err.println("refused: " + head.lines().findFirst().orElse(""));
                        }
                        handshakeDone();
                    }
                }
            }
            if (!chunked) {
                body(data, i, length, now);
                return;
            }
            while (i < length) {
                if (chunkLeft == -1) {
                    char c = (char) data[i++];
                    if (c == '\n') {
                        String size = sizeLine.toString().strip();
                        int semicolon = size.indexOf(';');
                        chunkLeft = Long.parseLong(semicolon < 0 ? size : size.substring(0, semicolon), 16);
                        sizeLine.setLength(0);
                        if (chunkLeft == 0) {
                            chunkLeft = -2;
                        }
                    } else {
                        sizeLine.append(c);
                    }
                } else if (chunkLeft == -2) {
                    if (data[i++] == '\n') {
                        chunkLeft = -1;
                    }
                } else {
                    int n = (int) Math.min(chunkLeft, length - i);
                    body(data, i, i + n, now);
                    i += n;
                    chunkLeft -= n;
                    if (chunkLeft == 0) {
                        chunkLeft = -2;
                    }
                }
            }
        }

        private void body(byte[] data, int from, int to, long now) {
            for (int i = from; i < to; i++) {
                byte b = data[i];
                if (b == '\n') {
                    onLine(now);
                    lineLength = 0;
                } else if (lineLength < line.length) {
                    line[lineLength++] = b;
                }
            }
        }

        private void onLine(long now) {
            if (lineLength < 5 || line[0] != 'd' || line[1] != 'a' || line[2] != 't' || line[3] != 'a' || line[4] != ':') {
                return;
            }
            int at = indexOf(line, lineLength, SEQ);
            if (at < 0) {
                return;
            }
            long seq = 0;
            for (int i = at + SEQ.length; i < lineLength && line[i] >= '0' && line[i] <= '9'; i++) {
                seq = seq * 10 + (line[i] - '0');
            }
            deliveries.incrementAndGet();
            record(seq, now);
        }

        private void handshakeDone() {
            if (!counted) {
                counted = true;
                handshakePermits.release();
                allConnected.countDown();
            }
        }

        void closed() {
            if (!headersDone) {
                refused.incrementAndGet();
            }
            handshakeDone();
        }
    }

    private static int indexOf(byte[] haystack, int length, byte[] needle) {
        outer:
        for (int i = 0; i <= length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
