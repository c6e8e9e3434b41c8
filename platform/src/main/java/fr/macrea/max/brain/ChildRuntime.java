package fr.macrea.max.brain;

import fr.macrea.max.brain.child.BrainChild;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.stream.Stream;

/**
 * The class path of the inspection child: the classes of {@code brain.child} only (copied out, not the whole
 * platform), PF4J and its version library, plugins-api, the SLF4J API and Jackson. Works from an exploded class
 * path (tests, IDE) and from the Spring Boot fat jar ({@code jar:nested:} locations under {@code BOOT-INF/lib/}),
 * whose nested jars are extracted once under {@code <cache>/runtime}.
 */
final class ChildRuntime {

    /** One class per library the child needs; its code source is the library. */
    private static final List<String> LIBRARIES = List.of("org.pf4j.PluginManager",
            "com.github.zafarkhaja.semver.Version", "fr.macrea.max.plugins.api.Brain", "org.slf4j.LoggerFactory",
            "tools.jackson.core.JsonParser", "tools.jackson.databind.ObjectMapper",
            "com.fasterxml.jackson.annotation.JsonCreator");
    private static final String CHILD_PACKAGE = BrainChild.class.getPackageName().replace('.', '/') + "/";

    private final Path dir;
    private String classPath;

    ChildRuntime(Path dir) {
        this.dir = dir;
    }

    /** The class path, built on first use. */
    synchronized String classPath() {
        if (classPath == null) {
            try {
                List<String> entries = new ArrayList<>();
                entries.add(childClasses().toString());
                for (String marker : LIBRARIES) {
                    entries.add(library(location(marker)).toString());
                }
                classPath = String.join(java.io.File.pathSeparator, entries.stream().distinct().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return classPath;
    }

    private static URL location(String className) {
        try {
            return Class.forName(className, false, ChildRuntime.class.getClassLoader())
                    .getProtectionDomain().getCodeSource().getLocation();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the brain inspection child needs " + className, e);
        }
    }

    /** A file or folder as it is, or a jar nested in the fat jar extracted to {@code runtime/lib}. */
    private Path library(URL url) throws IOException {
        Nested nested = Nested.of(url);
        if (nested == null) {
            return fileOf(url);
        }
        Path target = dir.resolve("lib").resolve(Path.of(nested.entry()).getFileName().toString());
        try (JarFile outer = new JarFile(nested.outer().toFile())) {
            JarEntry entry = outer.getJarEntry(nested.entry());
            if (entry == null) {
                throw new IOException(nested.entry() + " not found in " + nested.outer());
            }
            if (!Files.isRegularFile(target) || Files.size(target) != entry.getSize()) {
                try (InputStream in = outer.getInputStream(entry)) {
                    writeAtomically(target, in.readAllBytes());
                }
            }
        }
        return target;
    }

    /** The child package's classes, copied to {@code runtime/classes-<hash of their bytes>}. */
    private Path childClasses() throws IOException {
        Map<String, byte[]> classes = new TreeMap<>();
        URL url = location(BrainChild.class.getName());
        Nested nested = Nested.of(url);
        if (nested != null) {
            try (JarFile outer = new JarFile(nested.outer().toFile());
                 JarInputStream inner = new JarInputStream(outer.getInputStream(outer.getJarEntry(nested.entry())))) {
                for (JarEntry e = inner.getNextJarEntry(); e != null; e = inner.getNextJarEntry()) {
                    if (isChildClass(e.getName())) {
                        classes.put(e.getName(), inner.readAllBytes());
                    }
                }
            }
        } else {
            Path root = fileOf(url);
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root.resolve(CHILD_PACKAGE))) {
                    for (Path p : files.filter(Files::isRegularFile).toList()) {
                        String name = root.relativize(p).toString().replace('\\', '/');
                        if (isChildClass(name)) {
                            classes.put(name, Files.readAllBytes(p));
                        }
                    }
                }
            } else {
                try (JarFile jar = new JarFile(root.toFile())) {
                    for (JarEntry e : jar.stream().filter(e -> isChildClass(e.getName())).toList()) {
                        try (InputStream in = jar.getInputStream(e)) {
                            classes.put(e.getName(), in.readAllBytes());
                        }
                    }
                }
            }
        }
        MessageDigest sha = sha256();
        classes.forEach((name, bytes) -> {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update(bytes);
        });
        Path target = dir.resolve("classes-" + HexFormat.of().formatHex(sha.digest()).substring(0, 16));
        if (!Files.isDirectory(target)) {
            // a name of its own: nodes sharing this folder may run as the same pid (pid 1 in each container)
            Path tmp = Files.createTempDirectory(Files.createDirectories(dir), target.getFileName() + ".part-");
            for (var e : classes.entrySet()) {
                Path file = tmp.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, e.getValue());
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isDirectory(target)) {
                    throw raced;
                }
            }
        }
        return target;
    }

    private static boolean isChildClass(String name) {
        return name.startsWith(CHILD_PACKAGE) && name.endsWith(".class") && name.indexOf('/', CHILD_PACKAGE.length()) < 0;
    }

    private static Path fileOf(URL url) {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot locate " + url, e);
        }
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName() + ".part-", "");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A jar inside the fat jar: Spring Boot 4's {@code jar:nested:/app.jar/!BOOT-INF/lib/x.jar!/}, or the older
     * {@code jar:file:/app.jar!/BOOT-INF/lib/x.jar!/}.
     */
    record Nested(Path outer, String entry) {
        static Nested of(URL url) {
            return of(url.toString());
        }

        static Nested of(String location) {
            String s = location;
            if (!s.startsWith("jar:")) {
                return null;
            }
            s = s.substring("jar:".length());
            if (s.endsWith("!/")) {
                s = s.substring(0, s.length() - 2);
            }
            String outer;
            String entry;
            if (s.startsWith("nested:")) {
                s = s.substring("nested:".length());
                int split = s.indexOf("/!");
                outer = s.substring(0, split);
                entry = s.substring(split + 2);
            } else if (s.startsWith("file:")) {
                int split = s.indexOf("!/");
                outer = s.substring("file:".length(), split);
                entry = s.substring(split + 2);
            } else {
                throw new IllegalStateException("unsupported class path location " + location);
            }
            return new Nested(Path.of(URLDecoder.decode(outer, StandardCharsets.UTF_8)), entry);
        }
    }
}
