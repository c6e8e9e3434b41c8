package fr.macrea.max.ui.base;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** One convention per language for every figure: never "1,494 tokens · 198,20 €". */
class NumbersTest {

    private final MaxI18NProvider i18n = new MaxI18NProvider();

    @Test
    void tokens_read_1_494_jetons_in_french_and_1_494_tokens_in_english() {
        assertThat(i18n.getTranslation("wallet.tokens", Locale.FRENCH, 1494)).isEqualTo("1 494 jetons");
        assertThat(i18n.getTranslation("wallet.tokens", Locale.ENGLISH, 1494)).isEqualTo("1,494 tokens");
    }

    @Test
    void euros_read_198_20_euro_sign_after_in_french_and_before_in_english() {
        assertThat(Numbers.euros(new BigDecimal("198.20"), Locale.FRENCH)).isEqualTo("198,20 €");
        assertThat(Numbers.euros(new BigDecimal("198.20"), Locale.ENGLISH)).isEqualTo("€198.20");
        assertThat(Numbers.euros(new BigDecimal("1494.5"), Locale.FRANCE)).isEqualTo("1 494,50 €");
        assertThat(Numbers.euros(new BigDecimal("1494.5"), Locale.ENGLISH)).isEqualTo("€1,494.50");
    }

    @Test
    void integers_decimals_and_percents_follow_the_language() {
        assertThat(Numbers.integer(12500, Locale.FRENCH)).isEqualTo("12 500");
        assertThat(Numbers.integer(12500, Locale.ENGLISH)).isEqualTo("12,500");
        assertThat(Numbers.decimal(42.5, Locale.FRENCH)).isEqualTo("42,5");
        assertThat(Numbers.decimal(42.5, Locale.ENGLISH)).isEqualTo("42.5");
        assertThat(Numbers.decimal(7, Locale.ENGLISH)).isEqualTo("7");
        assertThat(Numbers.percent(33.333, Locale.FRENCH)).isEqualTo("33,3 %");
        assertThat(Numbers.percent(33.333, Locale.ENGLISH)).isEqualTo("33.3%");
        assertThat(Numbers.decimal(21.45, Locale.FRENCH)).as("rounded as written").isEqualTo("21,5");
        assertThat(Numbers.percent(21.45, Locale.ENGLISH)).isEqualTo("21.5%");
    }

    @Test
    void a_message_with_a_number_and_euros_uses_one_convention() {
        String fr = i18n.getTranslation("wallet.tokens", Locale.FRENCH, 1494) + " · "
                + Numbers.euros(new BigDecimal("198.20"), Locale.FRENCH);
        String en = i18n.getTranslation("wallet.tokens", Locale.ENGLISH, 1494) + " · "
                + Numbers.euros(new BigDecimal("198.20"), Locale.ENGLISH);
        assertThat(fr).isEqualTo("1 494 jetons · 198,20 €");
        assertThat(en).isEqualTo("1,494 tokens · €198.20");
    }
}
