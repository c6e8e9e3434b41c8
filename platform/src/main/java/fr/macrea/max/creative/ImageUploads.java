package fr.macrea.max.creative;

import fr.macrea.max.shared.Message;
import org.springframework.stereotype.Component;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.Semaphore;

/**
 * Checks an uploaded image and re-encodes it, so what recipients get is pixels only. The format is read from the
 * first bytes (a renamed executable or an SVG is refused whatever its name); the dimensions are read from the header
 * before anything is decoded, and capped, so a small file declaring 50000×50000 pixels (a decompression bomb) never
 * allocates its bitmap. Re-encoding from the decoded pixels drops every metadata block (EXIF, PNG text chunks, GIF
 * comments, XMP, ICC). WebP has no encoder in the JDK: it is stored as PNG. An animated GIF keeps its first frame.
 */
@Component
class ImageUploads {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_SIDE = 8_000;
    static final long MAX_PIXELS = 25_000_000L;

    /** The four formats accepted, by their signature. */
    enum Format {
        PNG("png", "image/png"), JPEG("jpeg", "image/jpeg"), GIF("gif", "image/gif"), WEBP("webp", "image/webp");

        final String reader;
        final String contentType;

        Format(String reader, String contentType) {
            this.reader = reader;
            this.contentType = contentType;
        }
    }

    /** The image as stored: its format (may differ from the upload's: WebP becomes PNG), size in pixels, bytes. */
    record Encoded(Format format, int width, int height, byte[] bytes) {
        String contentType() {
            return format.contentType;
        }
    }

    // decoding takes memory (up to MAX_PIXELS × 4 bytes): a burst of uploads must not exhaust the heap
    private final Semaphore decoding = new Semaphore(2);

    Encoded accept(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new CreativeException(Message.of("creative.image.empty"));
        }
        if (bytes.length > MAX_BYTES) {
            throw new CreativeException(Message.of("creative.image.too-large", MAX_BYTES / (1024 * 1024)));
        }
        Format format = sniff(bytes);
        if (format == null) {
            throw new CreativeException(Message.of("creative.image.format"));
        }
        decoding.acquireUninterruptibly();
        try {
            BufferedImage image = decode(format, bytes);
            return encode(format, image);
        } finally {
            decoding.release();
        }
    }

    static Format sniff(byte[] b) {
        if (starts(b, 0, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return Format.PNG;
        }
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Format.JPEG;
        }
        if (starts(b, 0, ascii("GIF87a")) || starts(b, 0, ascii("GIF89a"))) {
            return Format.GIF;
        }
        if (starts(b, 0, ascii("RIFF")) && starts(b, 8, ascii("WEBP"))) {
            return Format.WEBP;
        }
        return null;
    }

    private static BufferedImage decode(Format format, byte[] bytes) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.reader);
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + format);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true); // ignoreMetadata: never parse what we drop anyway
            int width = reader.getWidth(0);   // header only: nothing is decoded yet
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new CreativeException(Message.of("creative.image.unreadable"));
            }
            if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
                throw new CreativeException(Message.of("creative.image.dimensions", width, height, MAX_SIDE));
            }
            BufferedImage image = reader.read(0);
            if (image == null) {
                throw new CreativeException(Message.of("creative.image.unreadable"));
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof CreativeException c) {
                throw c;
            }
            throw new CreativeException(Message.of("creative.image.unreadable"), e);
        } finally {
            reader.dispose();
        }
    }

    private static Encoded encode(Format format, BufferedImage image) {
        Format stored = format == Format.WEBP ? Format.PNG : format;
        BufferedImage pixels = image;
        if (stored == Format.JPEG && image.getType() != BufferedImage.TYPE_INT_RGB) {
            // the JPEG writer takes no alpha and no exotic colour models: plain RGB pixels
            pixels = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = pixels.createGraphics();
            g.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName(stored.reader).next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (stored == Format.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.9f);
            }
            writer.write(null, new IIOImage(pixels, null, null), param); // no metadata written
        } catch (IOException | RuntimeException e) {
            throw new CreativeException(Message.of("creative.image.unreadable"), e);
        } finally {
            writer.dispose();
        }
        byte[] bytes = out.toByteArray();
        if (bytes.length > 2 * MAX_BYTES) { // a WebP re-encoded as PNG may grow; past this it is not a mail image
            throw new CreativeException(Message.of("creative.image.too-large", MAX_BYTES / (1024 * 1024)));
        }
        return new Encoded(stored, image.getWidth(), image.getHeight(), bytes);
    }

    private static boolean starts(byte[] b, int offset, byte[] prefix) {
        return b.length >= offset + prefix.length
                && Arrays.equals(b, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
