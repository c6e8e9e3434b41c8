package fr.macrea.max.creative;

/**
 * How many SMS a text costs (GSM 03.38 / 3GPP TS 23.038 and 23.040). A text made only of the GSM 7-bit default
 * alphabet is sent in septets: 160 in a single SMS, 153 per part of a long one (the 7 others carry the
 * concatenation header); a character of the extension table ({@code € [ ] { } ^ ~ | \} and form feed) takes two
 * septets (escape + code), and an escape pair is never split across parts. Any other character switches the whole
 * text to UCS-2: 70 UTF-16 units single, 67 per part; a character outside the BMP (an emoji) takes two units, never
 * split either. WhatsApp has no segments but shows the same length so the counts stay comparable.
 */
public final class SmsSegments {

    /** The 128 characters of the GSM 7-bit default alphabet, in code order (0x1B, the escape, is not a character). */
    /**
     * The 128 characters of the GSM 7-bit default alphabet in code order, one row of 16 per line, written as code
     * points (0x1B, the escape, holds its place but is not a character).
     */
    static final String BASIC = "@\u00A3$\u00A5\u00E8\u00E9\u00F9\u00EC\u00F2\u00C7\n\u00D8\u00F8\r\u00C5\u00E5"
            + "\u0394_\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039E\u001B\u00C6\u00E6\u00DF\u00C9"
            + " !\"#\u00A4%&'()*+,-./"
            + "0123456789:;<=>?"
            + "\u00A1ABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZ\u00C4\u00D6\u00D1\u00DC\u00A7"
            + "\u00BFabcdefghijklmno"
            + "pqrstuvwxyz\u00E4\u00F6\u00F1\u00FC\u00E0";
    /** The extension table: each costs the escape septet plus its own (form feed ^ { } \\ [ ~ ] | euro). */
    static final String EXTENSION = "\f^{}\\[~]|\u20AC";

    public enum Encoding { GSM_7, UCS_2 }

    /**
     * @param units      septets (GSM-7) or UTF-16 units (UCS-2) the text takes
     * @param segments   SMS parts it is sent in (0 for an empty text)
     * @param perSegment capacity of one part for this text (160/153 or 70/67)
     */
    public record Segments(int characters, int units, int segments, Encoding encoding, int perSegment) {
    }

    private SmsSegments() {
    }

    public static Segments count(String text) {
        String t = text == null ? "" : text;
        boolean gsm = t.chars().allMatch(c -> c != 0x1B && (BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0));
        int characters = t.codePointCount(0, t.length());
        int single = gsm ? 160 : 70;
        int part = gsm ? 153 : 67;
        int units = 0;
        int[] costs = t.codePoints().map(cp -> gsm ? (EXTENSION.indexOf(cp) >= 0 ? 2 : 1) : Character.charCount(cp)).toArray();
        for (int c : costs) {
            units += c;
        }
        if (units == 0) {
            return new Segments(0, 0, 0, gsm ? Encoding.GSM_7 : Encoding.UCS_2, single);
        }
        if (units <= single) {
            return new Segments(characters, units, 1, gsm ? Encoding.GSM_7 : Encoding.UCS_2, single);
        }
        int segments = 1;
        int used = 0;
        for (int c : costs) {
            if (used + c > part) { // an escape pair or a surrogate pair starts the next part rather than split
                segments++;
                used = 0;
            }
            used += c;
        }
        return new Segments(characters, units, segments, gsm ? Encoding.GSM_7 : Encoding.UCS_2, part);
    }
}
