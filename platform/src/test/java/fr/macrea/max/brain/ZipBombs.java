package fr.macrea.max.brain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Zips written byte by byte, to lie as an attacker would: an entry whose deflated data inflates to gigabytes while the
 * zip declares a few bytes. The bomb is built from one deflated mebibyte of zeros repeated (each block flushed and
 * self-contained), so a 3 MB file that inflates to 3 GiB is written in milliseconds.
 */
final class ZipBombs {

    private static final int MIB = 1 << 20;

    private ZipBombs() {
    }

    /**
     * A jar with the given ordinary entries, then {@code bomb} inflating to {@code mebibytes} MiB of zeros, whose
     * headers declare {@code declaredSize} bytes.
     */
    static Path write(Path target, Map<String, byte[]> entries, String bomb, int mebibytes, long declaredSize) {
        List<byte[]> central = new ArrayList<>();
        try (OutputStream out = Files.newOutputStream(target)) {
            long offset = 0;
            for (var e : entries.entrySet()) {
                byte[] data = deflate(e.getValue());
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                offset += entry(out, central, e.getKey(), data, crc.getValue(), e.getValue().length, offset);
            }
            byte[] block = flushedBlock(new byte[MIB]);
            byte[] end = finalBlock();
            ByteArrayOutputStream data = new ByteArrayOutputStream(block.length * mebibytes + end.length);
            for (int i = 0; i < mebibytes; i++) {
                data.write(block);
            }
            data.write(end);
            offset += entry(out, central, bomb, data.toByteArray(), 0, declaredSize, offset);
            long centralStart = offset;
            long centralSize = 0;
            for (byte[] c : central) {
                out.write(c);
                centralSize += c.length;
            }
            ByteBuffer eocd = le(22).putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                    .putShort((short) central.size()).putShort((short) central.size())
                    .putInt((int) centralSize).putInt((int) centralStart).putShort((short) 0);
            out.write(eocd.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    private static long entry(OutputStream out, List<byte[]> central, String name, byte[] data, long crc,
                              long declaredSize, long offset) throws IOException {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer local = le(30 + n.length).putInt(0x04034b50).putShort((short) 20).putShort((short) 0)
                .putShort((short) 8).putShort((short) 0).putShort((short) 0x5a21).putInt((int) crc)
                .putInt(data.length).putInt((int) declaredSize).putShort((short) n.length).putShort((short) 0).put(n);
        out.write(local.array());
        out.write(data);
        ByteBuffer c = le(46 + n.length).putInt(0x02014b50).putShort((short) 20).putShort((short) 20)
                .putShort((short) 0).putShort((short) 8).putShort((short) 0).putShort((short) 0x5a21)
                .putInt((int) crc).putInt(data.length).putInt((int) declaredSize).putShort((short) n.length)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0)
                .putInt((int) offset).put(n);
        central.add(c.array());
        return local.capacity() + data.length;
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] deflate(byte[] input) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(input);
        deflater.finish();
        return drain(deflater, Deflater.NO_FLUSH);
    }

    /** Deflated, byte-aligned and with no back-reference to earlier data: can be repeated as it is. */
    private static byte[] flushedBlock(byte[] input) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(input);
        return drain(deflater, Deflater.FULL_FLUSH);
    }

    private static byte[] finalBlock() {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.finish();
        return drain(deflater, Deflater.NO_FLUSH);
    }

    private static byte[] drain(Deflater deflater, int flush) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            int n = deflater.deflate(buffer, 0, buffer.length, flush);
            out.write(buffer, 0, n);
            boolean done = flush == Deflater.NO_FLUSH ? deflater.finished() : n < buffer.length && deflater.needsInput();
            if (done) {
                break;
            }
        }
        deflater.end();
        return out.toByteArray();
    }
}
