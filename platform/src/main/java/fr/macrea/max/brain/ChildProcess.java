package fr.macrea.max.brain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one child process with an empty environment in its own working directory, reads its stdout up to a bound
 * and keeps the tail of its stderr, and kills it with its descendants once the wall-time limit is over (or when
 * its output passes the bound). A thread cannot be stopped from outside, a process can.
 */
final class ChildProcess {

    private static final int STDERR_TAIL = 2048;

    private ChildProcess() {
    }

    /** What the child did; {@code exitCode} is -1 when it was killed. */
    record Run(boolean timedOut, boolean overflow, int exitCode, byte[] stdout, String stderrTail) {
        String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    static Run run(List<String> command, Path workDir, Duration timeout, int maxStdout) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        // no database URL, no secret, nothing of the server's environment
        builder.environment().clear();
        Process process = builder.start();
        process.getOutputStream().close();
        Bounded out = new Bounded(process.getInputStream(), maxStdout, false);
        Bounded err = new Bounded(process.getErrorStream(), STDERR_TAIL, true);
        Thread outReader = Thread.ofVirtual().start(out);
        Thread errReader = Thread.ofVirtual().start(err);
        boolean finished = false;
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!out.overflow) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                if (process.waitFor(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS)) {
                    finished = true;
                    break;
                }
            }
            if (!finished) {
                kill(process);
            }
            outReader.join(Duration.ofSeconds(2));
            errReader.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the brain was inspected", e);
        } finally {
            kill(process);
        }
        boolean timedOut = !finished && !out.overflow;
        return new Run(timedOut, out.overflow, finished ? process.exitValue() : -1, out.bytes(), err.text());
    }

    /** Descendants first: once the child is gone they are no longer reachable from its handle. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads a stream to its end, keeping at most {@code limit} bytes: the head (stdout) or the tail (stderr). */
    private static final class Bounded implements Runnable {
        private final InputStream in;
        private final int limit;
        private final boolean tail;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private volatile boolean overflow;

        Bounded(InputStream in, int limit, boolean tail) {
            this.in = in;
            this.limit = limit;
            this.tail = tail;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    synchronized (this) {
                        kept.write(buffer, 0, n);
                        if (kept.size() > limit) {
                            if (!tail) {
                                overflow = true;
                                return;
                            }
                            byte[] all = kept.toByteArray();
                            kept.reset();
                            kept.write(all, all.length - limit, limit);
                        }
                    }
                }
            } catch (IOException e) {
                // the process was killed: keep what was read
            }
        }

        synchronized byte[] bytes() {
            return kept.toByteArray();
        }

        synchronized String text() {
            return new String(bytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
