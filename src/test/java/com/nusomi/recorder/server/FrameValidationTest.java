package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Frames are whole images as the contract says: header parsed, sides 1–16,384, at most 50 MP, complete. Anything
 * else is 400 frame_invalid, decided without decoding a full-size bitmap.
 */
class FrameValidationTest {
    @RegisterExtension
    final LocalServer server = new LocalServer();

    private ApiCalls.Response upload(byte[] bytes, String type) {
        String id = server.admin().createRecording("frames").get("id").asText();
        return server.admin()
                .send(
                        "POST",
                        "/v1/sessions/" + id + "/frames?seq=0&captured_at=2026-05-07T14:00:00Z",
                        bytes,
                        type,
                        Map.of());
    }

    private static byte[] image(String format, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PNG of these (raw, unchecked) dimensions: 1-bit grey, every row zero, compressed by deflate. */
    private static byte[] png(int width, int height, long rowsToWrite) {
        try {
            ByteArrayOutputStream idat = new ByteArrayOutputStream();
            try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(9))) {
                byte[] row = new byte[1 + (int) ((Integer.toUnsignedLong(width) + 7) / 8 % 100_000)];
                for (long y = 0; y < rowsToWrite; y++) {
                    z.write(row);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(ihdr);
            d.writeInt(width);
            d.writeInt(height);
            d.write(new byte[] {1, 0, 0, 0, 0}); // 1 bit, grey, deflate, no filter method, no interlace
            chunk(out, "IHDR", ihdr.toByteArray());
            chunk(out, "IDAT", idat.toByteArray());
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    @Test
    void aThreeByteJpegIsFrameInvalid() {
        upload(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}, "image/jpeg").expectError(400, "frame_invalid");
    }

    @Test
    void aJpegOfMarkersOnlyIsFrameInvalid() {
        upload(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xd9}, "image/jpeg")
                .expectError(400, "frame_invalid");
    }

    @Test
    void aBarePngSignatureIsFrameInvalid() {
        upload(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, "image/png")
                .expectError(400, "frame_invalid");
    }

    @Test
    void aPngDeclaringNegativeDimensionsIsFrameInvalid() {
        upload(png(-1, Integer.MIN_VALUE, 1), "image/png").expectError(400, "frame_invalid");
    }

    @Test
    void aDecompressionBombIsRefusedOnItsHeader() {
        // 30,000 × 30,000: 900 million pixels in some 100 KB. Decoded whole it would take gigabytes.
        byte[] bomb = png(30_000, 30_000, 30_000);
        assertThat(bomb.length).isLessThan(1024 * 1024);

        ApiCalls.Response r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> upload(bomb, "image/png"));

        r.expectError(400, "frame_invalid");
        assertThat(r.json().path("error").path("message").asText()).contains("30000");
    }

    @Test
    void anImageOverFiftyMegapixelsIsFrameInvalid() {
        upload(png(16_384, 3_100, 3_100), "image/png").expectError(400, "frame_invalid");
    }

    @Test
    void anImageAtTheLimitsIsAcceptedAndDecodedSubsampled() {
        // 16,384 × 3,051 = 49,987,584 pixels: allowed. Checked by a subsampled decode, not a 200 MB bitmap.
        ApiCalls.Response r = upload(png(16_384, 3_051, 3_051), "image/png").expect(201);

        assertThat(r.json().get("width").asInt()).isEqualTo(16_384);
        assertThat(r.json().get("height").asInt()).isEqualTo(3_051);
    }

    @Test
    void aPngWhoseImageDataIsCutShortIsFrameInvalid() {
        // A whole header and IEND, but rows missing: the decode runs out of data.
        upload(png(64, 64, 10), "image/png").expectError(400, "frame_invalid");
    }

    @Test
    void aTruncatedJpegIsFrameInvalid() {
        byte[] whole = image("jpeg", 64, 64);
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        upload(cut, "image/jpeg").expectError(400, "frame_invalid");
        // …even when it still ends with an end marker.
        byte[] patched = Arrays.copyOf(cut, cut.length + 2);
        patched[patched.length - 2] = (byte) 0xff;
        patched[patched.length - 1] = (byte) 0xd9;
        upload(patched, "image/jpeg").expectError(400, "frame_invalid");
    }

    @Test
    void aFullHdJpegCutShortIsFrameInvalidThoughItsCheckIsSubsampled() {
        // The check keeps a sixth of the rows and columns of a 1080p frame, but the decoder reads all coded data.
        byte[] whole = image("jpeg", 1920, 1080);
        upload(whole, "image/jpeg").expect(201);
        byte[] patched = Arrays.copyOf(whole, whole.length * 3 / 4 + 2);
        patched[patched.length - 2] = (byte) 0xff;
        patched[patched.length - 1] = (byte) 0xd9;
        upload(patched, "image/jpeg").expectError(400, "frame_invalid");
    }

    @Test
    void aPngWithTrailingBytesAfterIendIsFrameInvalid() {
        byte[] whole = image("png", 8, 8);
        upload(Arrays.copyOf(whole, whole.length + 3), "image/png").expectError(400, "frame_invalid");
    }

    @Test
    void aWebpWhoseRiffSizeDoesNotMatchIsFrameInvalid() {
        byte[] webp = new byte[40];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, webp, 0, 4);
        webp[4] = 100; // says 108 bytes
        System.arraycopy("WEBPVP8X".getBytes(StandardCharsets.US_ASCII), 0, webp, 8, 8);
        upload(webp, "image/webp").expectError(400, "frame_invalid");
    }

    @Test
    void wholeImagesAreAccepted() {
        assertThat(upload(image("png", 40, 30), "image/png")
                        .expect(201)
                        .json()
                        .get("width")
                        .asInt())
                .isEqualTo(40);
        assertThat(upload(image("jpeg", 40, 30), "image/jpeg")
                        .expect(201)
                        .json()
                        .get("height")
                        .asInt())
                .isEqualTo(30);
    }
}
