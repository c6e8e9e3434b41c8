package fr.macrea.max.fields;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** A brains folder holding copies of the jars the build made of the five built-in brains (signed, as shipped). */
public final class BuiltBrains {

    public static final Path FOLDER = builtBrains();

    private BuiltBrains() {
    }

    private static Path builtBrains() {
        try {
            Path dir = Files.createTempDirectory("real-brains");
            Path root = Path.of("..", "brains").toAbsolutePath().normalize();
            for (String module : List.of("standard", "logistique", "ecommerce", "beaute", "coaching")) {
                Path target = root.resolve(module).resolve("target");
                try (Stream<Path> files = Files.list(target)) {
                    Path jar = files.filter(p -> p.getFileName().toString().matches("brain-" + module + "-[0-9.]+\\.jar"))
                            .findFirst().orElseThrow(() -> new AssertionError("no built jar in " + target));
                    Files.copy(jar, dir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
