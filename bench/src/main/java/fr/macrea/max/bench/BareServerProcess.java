package fr.macrea.max.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts {@link BareSseServer} in a child JVM (same jar, same JDK) and drives it through its standard input. */
final class BareServerProcess implements AutoCloseable {

    private final Process process;
    private final PrintWriter commands;
    private final BufferedReader answers;
    private final int port;

    BareServerProcess(String authorization) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = Path.of(BareServerProcess.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .toString();
        if (jar.contains("!")) { // nested in the Spring Boot jar: run the outer jar
            jar = jar.substring(0, jar.indexOf('!')).replaceFirst("^(nested:|file:)", "").replaceFirst("/$", "");
        }
        process = new ProcessBuilder(List.of(java, "-Xms256m", "-Xmx1g", "-jar", jar, "bare-server", authorization))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = answers.readLine();
        if (first == null || !first.startsWith("PORT ")) {
            throw new IllegalStateException("bare server did not start: " + first);
        }
        port = Integer.parseInt(first.substring(5).strip());
    }

    int port() {
        return port;
    }

    synchronized int connections() {
        commands.println("count");
        try {
            String answer = answers.readLine();
            return Integer.parseInt(answer.substring(6).strip());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void broadcast(long seq) {
        commands.println(seq);
    }

    @Override
    public void close() throws InterruptedException {
        commands.close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
