package fr.macrea.max.creative;

import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.shared.LocalizedException;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an upload must be to become a Créa image, and what is left of it once stored. */
class ImageUploadsTest {

    private final ImageUploads uploads = new ImageUploads();

    static byte[] image(String format, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, w / 2, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, format, out)).isTrue();
        return out.toByteArray();
    }

    static byte[] pngChunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** A PNG with a tEXt chunk after IHDR (signature 8 bytes + IHDR chunk 25 bytes). */
    static byte[] pngWithText(String secret) throws IOException {
        byte[] png = image("png", 20, 10);
        byte[] text = pngChunk("tEXt", ("Comment\0" + secret).getBytes(StandardCharsets.ISO_8859_1));
        return concat(slice(png, 0, 33), text, slice(png, 33, png.length));
    }

    /** A JPEG with an EXIF APP1 segment right after SOI. */
    static byte[] jpegWithExif(String secret) throws IOException {
        byte[] jpeg = image("jpeg", 16, 16);
        byte[] payload = ("Exif\0\0" + secret).getBytes(StandardCharsets.ISO_8859_1);
        byte[] app1 = concat(new byte[]{(byte) 0xFF, (byte) 0xE1, (byte) ((payload.length + 2) >> 8), (byte) (payload.length + 2)}, payload);
        return concat(slice(jpeg, 0, 2), app1, slice(jpeg, 2, jpeg.length));
    }

    /** A GIF with a comment extension before its trailer. */
    static byte[] gifWithComment(String secret) throws IOException {
        byte[] gif = image("gif", 12, 12);
        byte[] data = secret.getBytes(StandardCharsets.US_ASCII);
        byte[] comment = concat(new byte[]{0x21, (byte) 0xFE, (byte) data.length}, data, new byte[]{0});
        return concat(slice(gif, 0, gif.length - 1), comment, new byte[]{0x3B});
    }

    /** A 1×1 lossless WebP (RIFF/WEBP/VP8L). */
    static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    /** 57 bytes of PNG declaring 50000×50000 RGB pixels: 7.5 GB once decoded. */
    static byte[] pngBomb() {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(50_000).putInt(50_000).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[4096]);
        deflater.finish();
        byte[] z = new byte[256];
        int n = deflater.deflate(z);
        return concat(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, pngChunk("IHDR", ihdr.array()),
                pngChunk("IDAT", slice(z, 0, n)), pngChunk("IEND", new byte[0]));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, to);
    }

    private static String french(Throwable e) {
        return FrenchMessages.render(((LocalizedException) e).message());
    }

    private static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    @Test
    void aPngKeepsItsPixelsAndLosesItsTextChunks() throws IOException {
        byte[] upload = pngWithText("GPS 48.8566 2.3522");
        assertThat(contains(upload, "GPS 48.8566")).isTrue();
        ImageUploads.Encoded stored = uploads.accept(upload);
        assertThat(stored.contentType()).isEqualTo("image/png");
        assertThat(contains(stored.bytes(), "GPS 48.8566")).isFalse();
        assertThat(contains(stored.bytes(), "tEXt")).isFalse();
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(stored.bytes()));
        assertThat(back.getWidth()).isEqualTo(20);
        assertThat(new Color(back.getRGB(2, 2))).isEqualTo(Color.ORANGE);
    }

    @Test
    void aJpegLosesItsExif() throws IOException {
        byte[] upload = jpegWithExif("Canon EOS owner=Camille");
        ImageUploads.Encoded stored = uploads.accept(upload);
        assertThat(stored.contentType()).isEqualTo("image/jpeg");
        assertThat(contains(stored.bytes(), "Exif")).isFalse();
        assertThat(contains(stored.bytes(), "owner=Camille")).isFalse();
        assertThat(stored.width()).isEqualTo(16);
    }

    @Test
    void aGifLosesItsCommentAndAWebpIsStoredAsPng() throws IOException {
        ImageUploads.Encoded gif = uploads.accept(gifWithComment("secret-comment"));
        assertThat(gif.contentType()).isEqualTo("image/gif");
        assertThat(contains(gif.bytes(), "secret-comment")).isFalse();
        ImageUploads.Encoded webp = uploads.accept(WEBP);
        assertThat(webp.contentType()).isEqualTo("image/png");
        assertThat(webp.width()).isEqualTo(1);
        assertThat(ImageIO.read(new ByteArrayInputStream(webp.bytes()))).isNotNull();
    }

    @Test
    void aRenamedExecutableOrAnSvgIsNotAnImage() {
        byte[] exe = concat("MZ".getBytes(StandardCharsets.US_ASCII), new byte[]{(byte) 0x90, 0, 3, 0, 0, 0, 4, 0}, new byte[200]);
        assertThatThrownBy(() -> uploads.accept(exe)).satisfies(e -> assertThat(french(e)).contains("n'est pas une image PNG, JPEG, WebP ou GIF"));
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> uploads.accept(svg)).satisfies(e -> assertThat(french(e)).contains("SVG"));
        byte[] plainSvg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> uploads.accept(plainSvg)).isInstanceOf(CreativeException.class);
        assertThatThrownBy(() -> uploads.accept(new byte[0])).satisfies(e -> assertThat(french(e)).contains("vide"));
    }

    @Test
    void sixMegabytesAreRefusedBeforeAnyDecoding() throws IOException {
        byte[] big = concat(image("png", 4, 4), new byte[6 * 1024 * 1024]);
        assertThatThrownBy(() -> uploads.accept(big)).satisfies(e -> assertThat(french(e)).contains("dépasse 5 Mo"));
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeader() {
        byte[] bomb = pngBomb();
        assertThat(bomb.length).isLessThan(200);
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertThatThrownBy(() -> uploads.accept(bomb))
                .satisfies(e -> assertThat(((LocalizedException) e).message().key()).isEqualTo("creative.image.dimensions"))
                .satisfies(e -> assertThat(french(e)).contains("8").contains("pixels de côté au plus"));
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertThat(after - before).as("no bitmap allocated").isLessThan(500L * 1024 * 1024);
    }

    @Test
    void aDamagedPngIsUnreadableNotACrash() throws IOException {
        byte[] png = image("png", 30, 30);
        byte[] broken = slice(png, 0, 40);
        assertThatThrownBy(() -> uploads.accept(broken)).satisfies(e -> assertThat(french(e)).contains("illisible"));
    }
}
