package fr.macrea.max.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * An {@code /api/} request as its endpoints see it: a body stream that fails with {@link BodyTooLargeException} past
 * the limit (at once if the declared length is beyond it; otherwise at the first byte past it, since chunked bodies
 * declare no length), and no HTTP
 * session: the API is stateless, so a session created here would only be a leak (and, through its cookie, a way to
 * make API calls ride on a browser's state).
 */
final class ApiRequest extends HttpServletRequestWrapper {

    private final long limit;
    private BoundedStream stream;
    private BufferedReader reader;

    ApiRequest(HttpServletRequest request, long limit) {
        super(request);
        this.limit = limit;
    }

    boolean exceeded() {
        return stream != null && stream.exceeded;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (reader != null) {
            throw new IllegalStateException("getReader() was already called");
        }
        if (stream == null) {
            stream = new BoundedStream(super.getInputStream(), limit);
        }
        if (getContentLengthLong() > limit) {
            // a declared length beyond the limit: refused before a single byte is read
            stream.exceeded = true;
            throw new BodyTooLargeException(limit);
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
            ServletInputStream in = getInputStream();
            reader = new BufferedReader(new InputStreamReader(in, charset));
        }
        return reader;
    }

    @Override
    public HttpSession getSession() {
        return getSession(true);
    }

    @Override
    public HttpSession getSession(boolean create) {
        if (create) {
            throw new IllegalStateException("The API under /api/ is stateless: no HTTP session may be created there");
        }
        return super.getSession(false);
    }

    /**
     * Counts what the endpoint reads. Hand-written because it must stay a {@link ServletInputStream} (non-blocking
     * reads delegate to the container's stream), which the general bounded streams of libraries are not.
     */
    private static final class BoundedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long count;
        private boolean exceeded;

        BoundedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // never ask for more than one byte past the limit: that byte is enough to know the body is too large
            int n = in.read(buffer, offset, (int) Math.min(length, limit - count + 1));
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws BodyTooLargeException {
            count += n;
            if (count > limit) {
                exceeded = true;
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
