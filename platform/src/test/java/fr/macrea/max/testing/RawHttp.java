package fr.macrea.max.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.1 client on a plain socket, for what ordinary clients hide: a huge body generated on the fly (never held
 * in memory) with a {@code Content-Length} or chunked, sent by one thread while another reads the answer, so a test
 * sees how much of the body the server had received when it answered.
 */
public final class RawHttp {

    /** The answer, and how many body bytes the client had written when its status line arrived. */
    public record Answer(int status, Map<String, String> headers, String body, long sentBeforeAnswer) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /**
     * Sends {@code method path} with {@code bodySize} bytes of body ({@code chunked} or with its length) and the
     * given headers, and returns the answer. The body stops once the answer arrived or the server closed.
     */
    public static Answer send(int port, String method, String path, Map<String, String> headers, long bodySize,
                              boolean chunked) throws IOException, InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (bodySize > 0) {
                head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bodySize + "\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            AtomicLong sent = new AtomicLong();
            Thread writer = Thread.ofVirtual().start(() -> writeBody(out, bodySize, chunked, sent));
            try {
                return read(socket.getInputStream(), sent);
            } finally {
                // a virtual thread interrupted in a socket write closes the socket: the body stops there
                writer.interrupt();
                writer.join(10_000);
            }
        }
    }

    private static void writeBody(OutputStream out, long size, boolean chunked, AtomicLong sent) {
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, (byte) ' ');
        byte[] chunkHead = (Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
        try {
            long left = size;
            while (left > 0 && !Thread.currentThread().isInterrupted()) {
                int n = (int) Math.min(block.length, left);
                if (chunked) {
                    out.write(n == block.length ? chunkHead : (Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(block, 0, n);
                if (chunked) {
                    out.write(crlf);
                }
                sent.addAndGet(n);
                left -= n;
            }
            if (chunked && left == 0) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException e) {
            // the server answered and dropped the connection: expected for a refused body
        }
    }

    private static Answer read(InputStream in, AtomicLong sent) throws IOException {
        String statusLine = line(in);
        long sentBeforeAnswer = sent.get();
        if (statusLine == null || !statusLine.startsWith("HTTP/1.1 ")) {
            throw new IOException("no HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.merge(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip(),
                    (a, b) -> a + ", " + b);
        }
        String body;
        if (headers.containsKey("content-length")) {
            body = new String(in.readNBytes(Integer.parseInt(headers.get("content-length"))), StandardCharsets.UTF_8);
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int n = Integer.parseInt(line(in).strip(), 16); n > 0; n = Integer.parseInt(line(in).strip(), 16)) {
                all.write(in.readNBytes(n));
                line(in);
            }
            body = all.toString(StandardCharsets.UTF_8);
        } else {
            // delimited by the end of the connection
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try {
                in.transferTo(all);
            } catch (IOException e) {
                // reset by the server once it dropped the rest of the request: what arrived is the body
            }
            body = all.toString(StandardCharsets.UTF_8);
        }
        return new Answer(status, headers, body, sentBeforeAnswer);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n') {
                return line.toString().replaceAll("\r$", "");
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : line.toString();
    }
}
