package fr.macrea.max.creative;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Known answers worked out by hand from GSM 03.38 / TS 23.040, not from the code: 160 septets single and 153 per
 * part; extension characters cost 2 and are never split; any other character means UCS-2, 70 single and 67 per part.
 */
class SmsSegmentsTest {

    private static SmsSegments.Segments of(String s) {
        return SmsSegments.count(s);
    }

    @Test
    void theDefaultAlphabetHas128PlacesAndTheExtensionTableTen() {
        assertThat(SmsSegments.BASIC).hasSize(128);
        assertThat(SmsSegments.BASIC.charAt(0x00)).isEqualTo('@');
        assertThat(SmsSegments.BASIC.charAt(0x24)).isEqualTo('\u00A4'); // ¤ where ASCII has $
        assertThat(SmsSegments.BASIC.charAt(0x5F)).isEqualTo('\u00A7'); // §
        assertThat(SmsSegments.BASIC.charAt(0x7F)).isEqualTo('\u00E0'); // à
        assertThat(SmsSegments.EXTENSION).hasSize(10);
    }

    @Test
    void gsmTextFits160InOneAnd153PerPart() {
        assertThat(of("")).returns(0, SmsSegments.Segments::segments);
        assertThat(of("a".repeat(160))).returns(1, SmsSegments.Segments::segments).returns(160, SmsSegments.Segments::units)
                .returns(SmsSegments.Encoding.GSM_7, SmsSegments.Segments::encoding);
        assertThat(of("a".repeat(161))).returns(2, SmsSegments.Segments::segments).returns(153, SmsSegments.Segments::perSegment);
        assertThat(of("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(of("a".repeat(307)).segments()).isEqualTo(3);
        assertThat(of("Café à 10h, merci !").encoding()).isEqualTo(SmsSegments.Encoding.GSM_7);
    }

    @Test
    void extensionCharactersCountTwoAndAreNeverSplit() {
        assertThat(of("€".repeat(80))).returns(160, SmsSegments.Segments::units).returns(1, SmsSegments.Segments::segments);
        assertThat(of("€".repeat(81))).returns(162, SmsSegments.Segments::units).returns(2, SmsSegments.Segments::segments);
        assertThat(of("[]{}^~|\\").units()).isEqualTo(16);
        // 152 + 2 + 152 = 306 septets would be 2 parts if counted blindly; the € cannot straddle parts 1 and 2
        assertThat(of("a".repeat(152) + "€" + "a".repeat(152)).segments()).isEqualTo(3);
        assertThat(of("a".repeat(151) + "€" + "a".repeat(153)).segments()).isEqualTo(2);
    }

    @Test
    void anyOtherCharacterSwitchesTheWholeTextToUcs2() {
        assertThat(of("ê".repeat(70))).returns(SmsSegments.Encoding.UCS_2, SmsSegments.Segments::encoding)
                .returns(1, SmsSegments.Segments::segments);
        assertThat(of("ê".repeat(71)).segments()).isEqualTo(2);
        assertThat(of("ê".repeat(134)).segments()).isEqualTo(2);
        assertThat(of("ê".repeat(135)).segments()).isEqualTo(3);
        assertThat(of("a".repeat(159) + "ê")).returns(160, SmsSegments.Segments::units).returns(3, SmsSegments.Segments::segments);
        // the GSM alphabet has Ç but not ç, and no backtick
        assertThat(of("Français").encoding()).isEqualTo(SmsSegments.Encoding.UCS_2);
        assertThat(of("`").encoding()).isEqualTo(SmsSegments.Encoding.UCS_2);
    }

    @Test
    void anEmojiTakesTwoUnitsAndIsNotSplit() {
        String smile = "\uD83D\uDE00";
        assertThat(of(smile.repeat(35))).returns(70, SmsSegments.Segments::units).returns(1, SmsSegments.Segments::segments)
                .returns(35, SmsSegments.Segments::characters);
        // 33 emoji fill 66 of 67 units: the 34th starts part 2
        assertThat(of(smile.repeat(36)).segments()).isEqualTo(2);
        // 2 + 132 = 134 units would be 2 parts blindly: part 1 holds "aa" and 32 emoji (66), part 2 33, part 3 one
        assertThat(of("aa" + smile.repeat(66)).segments()).isEqualTo(3);
    }
}
