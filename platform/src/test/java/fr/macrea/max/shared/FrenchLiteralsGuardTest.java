package fr.macrea.max.shared;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Platform code returns message keys, never French sentences (ADR 0010): no string literal of the platform's main
 * code reads as French, outside the i18n bundles. French is recognised by its accented letters or by common French
 * words. Comments are not scanned.
 */
class FrenchLiteralsGuardTest {

    /**
     * Files that still build French sentences. Empty: every platform file returns message keys (issue 9). Paths
     * relative to {@code fr/macrea/max/}; a trailing {@code /} takes a package. Keep it empty.
     */
    static final Set<String> NOT_CONVERTED_YET = Set.of();

    /**
     * French content that is data, not a user interface text: the demo platform admin's display name, and the node
     * names of the generated n8n workflows (the nodes' stable ids derive from them, see
     * {@code N8nWorkflowBuilder.TRIGGER}). The vocabulary of the generated French demo CRM records moved with
     * {@code Vertical} to the demo module, outside these sources.
     */
    static final Set<String> FRENCH_DATA = Set.of("demo/DemoDataLoader.java", "automation/n8n/N8nWorkflowBuilder.java");

    private static final Path SOURCES = Path.of("src/main/java/fr/macrea/max");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern FRENCH = Pattern.compile(
            "[àâçéèêëîïôûùüÿœÀÂÇÉÈÊËÎÏÔÛÙÜŸŒ«»]|(?i)\\b(le|la|les|des|du|une|est|sont|pas|aucun|aucune|avec|pour|dans"
                    + "|vous|votre|vos|doit|jours?|invalide|obligatoire|introuvable|inconnue?)\\b");

    @Test
    void platform_main_code_has_no_french_sentence_outside_the_bundles() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String relative = SOURCES.relativize(file).toString().replace('\\', '/');
                if (allowed(relative)) {
                    continue;
                }
                String code = withoutComments(Files.readString(file, StandardCharsets.UTF_8));
                Matcher literal = LITERAL.matcher(code);
                while (literal.find()) {
                    if (FRENCH.matcher(literal.group(1)).find()) {
                        found.add(relative + ": \"" + literal.group(1) + "\"");
                    }
                }
            }
        }
        assertThat(found).as("French literals: make them message keys (Message.of) with French and English texts "
                + "in src/main/resources/i18n").isEmpty();
    }

    @Test
    void the_allow_lists_name_files_that_exist() {
        Stream.concat(NOT_CONVERTED_YET.stream(), FRENCH_DATA.stream())
                .forEach(path -> assertThat(SOURCES.resolve(path)).as(path).exists());
    }

    @Test
    void the_guard_recognises_a_french_sentence() {
        assertThat(FRENCH.matcher("Le plan est obligatoire.").find()).isTrue();
        assertThat(FRENCH.matcher("Période inconnue").find()).isTrue();
        assertThat(FRENCH.matcher("tenant.plan.required").find()).isFalse();
        assertThat(FRENCH.matcher("Could not record the event {} of {}").find()).isFalse();
    }

    private static boolean allowed(String relative) {
        return FRENCH_DATA.contains(relative) || NOT_CONVERTED_YET.stream()
                .anyMatch(entry -> entry.endsWith("/") ? relative.startsWith(entry) : relative.equals(entry));
    }

    /** The code with its comments blanked out; string literals (which may contain "//") are kept. */
    static String withoutComments(String code) {
        StringBuilder out = new StringBuilder(code.length());
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '"') {
                if (code.startsWith("\"\"\"", i)) {
                    int end = code.indexOf("\"\"\"", i + 3);
                    end = end < 0 ? code.length() : end + 3;
                    out.append(code, i, end);
                    i = end;
                    continue;
                }
                int j = i + 1;
                while (j < code.length() && code.charAt(j) != '"' && code.charAt(j) != '\n') {
                    j += code.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(j + 1, code.length());
                out.append(code, i, j);
                i = j;
            } else if (c == '\'' && i + 2 < code.length()) {
                int end = code.charAt(i + 1) == '\\' ? code.indexOf('\'', i + 3) : i + 2;
                end = end < 0 ? i + 1 : end + 1;
                out.append(code, i, end);
                i = end;
            } else if (code.startsWith("//", i)) {
                int end = code.indexOf('\n', i);
                i = end < 0 ? code.length() : end;
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                i = end < 0 ? code.length() : end + 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
