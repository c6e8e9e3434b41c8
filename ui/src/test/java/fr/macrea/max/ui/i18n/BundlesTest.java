package fr.macrea.max.ui.i18n;

import fr.macrea.max.action.ActionStatus;
import fr.macrea.max.action.Mode;
import fr.macrea.max.ranking.LeadSegment;
import fr.macrea.max.tenant.AddOn;
import fr.macrea.max.ui.base.MaxI18NProvider;
import fr.macrea.max.wallet.Right;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bundle of the ui and of the platform ({@code i18n/<feature>.properties}, French, and
 * {@code <feature>_en.properties}) is complete in both languages, no key is defined twice, every key the platform's
 * code names exists, and every pattern is one MessageFormat reads as meant.
 */
class BundlesTest {

    private static final Pattern MESSAGE_KEY = Pattern.compile("Message\\.of\\(\\s*\"([^\"]+)\"");
    /** An apostrophe that is not doubled: MessageFormat would drop it and quote the rest of the pattern. */
    private static final Pattern LONE_QUOTE = Pattern.compile("(?<!')'(?!')");

    record Bundle(String location, Properties french, Properties english) {
    }

    private static List<Bundle> bundles() throws IOException {
        Map<String, Properties> byLocation = new HashMap<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
            Properties p = new Properties();
            try (Reader reader = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
                p.load(reader);
            }
            byLocation.put(r.getURL().toString(), p);
        }
        List<Bundle> out = new ArrayList<>();
        byLocation.forEach((location, french) -> {
            if (!location.endsWith("_en.properties")) {
                String english = location.replaceAll("\\.properties$", "_en.properties");
                out.add(new Bundle(location, french, byLocation.getOrDefault(english, new Properties())));
            }
        });
        return out;
    }

    @Test
    void the_platform_and_ui_bundles_are_both_found() throws IOException {
        assertThat(bundles()).extracting(Bundle::location)
                .anyMatch(l -> l.contains("platform") && l.endsWith("i18n/tenant.properties"))
                .anyMatch(l -> l.contains("ui") && l.endsWith("i18n/core.properties"));
    }

    @Test
    void every_french_key_has_an_english_text_and_every_english_key_a_french_one() throws IOException {
        for (Bundle b : bundles()) {
            assertThat(new TreeSet<>(b.english().stringPropertyNames())).as(b.location())
                    .isEqualTo(new TreeSet<>(b.french().stringPropertyNames()));
        }
    }

    @Test
    void no_key_is_defined_in_two_bundles() throws IOException {
        Map<String, String> owner = new HashMap<>();
        List<String> twice = new ArrayList<>();
        for (Bundle b : bundles()) {
            for (String key : b.french().stringPropertyNames()) {
                String before = owner.put(key, b.location());
                if (before != null) {
                    twice.add(key + " in " + before + " and " + b.location());
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    @Test
    void every_pattern_with_parameters_reads_as_meant() throws IOException {
        List<String> bad = new ArrayList<>();
        for (Bundle b : bundles()) {
            for (Properties p : List.of(b.french(), b.english())) {
                for (String key : p.stringPropertyNames()) {
                    String pattern = p.getProperty(key);
                    if (!pattern.contains("{0")) {
                        continue; // shown as written
                    }
                    try {
                        new MessageFormat(pattern);
                    } catch (IllegalArgumentException e) {
                        bad.add(key + ": " + e.getMessage());
                    }
                    if (LONE_QUOTE.matcher(pattern).find()) {
                        bad.add(key + ": write '' for an apostrophe in a pattern with parameters");
                    }
                }
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void every_message_key_of_the_platform_code_exists() throws IOException {
        Map<String, String> french = MaxI18NProvider.keys(false);
        List<String> missing = new ArrayList<>();
        Path sources = Path.of("..", "platform", "src", "main", "java");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = MESSAGE_KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!m.group(1).endsWith(".") && !french.containsKey(m.group(1))) {
                        missing.add(m.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void every_enum_label_key_exists() {
        Map<String, String> french = MaxI18NProvider.keys(false);
        List<String> keys = new ArrayList<>();
        for (Mode m : Mode.values()) {
            keys.add(m.labelKey());
            keys.add(m.descriptionKey());
        }
        Stream.of(ActionStatus.values()).map(ActionStatus::labelKey).forEach(keys::add);
        Stream.of(Right.values()).map(Right::labelKey).forEach(keys::add);
        Stream.of(AddOn.values()).map(AddOn::labelKey).forEach(keys::add);
        Stream.of(LeadSegment.values()).map(LeadSegment::labelKey).forEach(keys::add);
        assertThat(keys).allSatisfy(key -> assertThat(french).containsKey(key));
    }
}
