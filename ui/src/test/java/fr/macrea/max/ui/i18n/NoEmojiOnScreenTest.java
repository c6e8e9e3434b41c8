package fr.macrea.max.ui.i18n;

import fr.macrea.max.ui.base.MaxI18NProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing the screens show is an emoji: a browser draws one as an empty box where the system has no emoji font
 * (the mode dots and the header coin did). Icons come from Vaadin's icon set instead. Looked for in the ui and
 * platform Java sources (texts built in code) and in every bundle, French and English. Brain message templates
 * (texts sent to a tenant's customers) are not screens and stay as their authors wrote them.
 */
class NoEmojiOnScreenTest {

    /** Pictographs, symbols and dingbats that only an emoji font draws (not accents, dashes or the euro sign). */
    static boolean isEmoji(int codePoint) {
        return (codePoint >= 0x1F000 && codePoint <= 0x1FAFF) || (codePoint >= 0x2600 && codePoint <= 0x27BF)
                || (codePoint >= 0x2B00 && codePoint <= 0x2BFF) || codePoint == 0xFE0F;
    }

    private static List<String> emojiLines(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).codePoints().anyMatch(NoEmojiOnScreenTest::isEmoji)) {
                        found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        return found;
    }

    @Test
    void the_ui_and_platform_code_writes_no_emoji() throws IOException {
        assertThat(emojiLines(Path.of("src", "main", "java"))).isEmpty();
        assertThat(emojiLines(Path.of("..", "platform", "src", "main", "java"))).isEmpty();
    }

    @Test
    void no_bundle_text_is_an_emoji_in_either_language() {
        for (boolean english : new boolean[] {false, true}) {
            assertThat(MaxI18NProvider.keys(english).entrySet()).as(english ? "English" : "French")
                    .filteredOn(e -> e.getValue().codePoints().anyMatch(NoEmojiOnScreenTest::isEmoji)).isEmpty();
        }
    }

    @Test
    void the_detector_knows_the_emoji_it_replaced_and_leaves_french_text_alone() {
        assertThat("🟢🟡🔴🪙🔒".codePoints()).allMatch(NoEmojiOnScreenTest::isEmoji);
        assertThat("Coût estimé : 2 jetons (0,40 €) — « Assisté »".codePoints()).noneMatch(NoEmojiOnScreenTest::isEmoji);
    }
}
