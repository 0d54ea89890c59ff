package com.nusomi.recorder.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.FrameUpload;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.MessageDigestSpi;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.Provider;
import java.security.Security;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: each frame is hashed once, not twice. One frame uploaded as the recorder's uploader sends it (with an
 * idempotency key) to the real local server, while a provider ahead of every other counts the bytes that go through
 * SHA-256 in this JVM (client and server alike): the frame's bytes once, and besides them only small inputs (the API
 * key's hash, the idempotency fingerprint). A second hash of the frame anywhere on the way would double the count.
 */
class FrameHashedOnceTest {
    private static final AtomicLong HASHED = new AtomicLong();

    @TempDir
    Path dataDir;

    @Test
    void anUploadedFrameGoesThroughSha256Once() throws Exception {
        byte[] image = noise(320, 240);
        Provider counting = new CountingProvider();
        try (ApiServer server = ApiServer.start(
                        ServerConfig.builder().dataDir(dataDir).port(0).build());
                SessionsClient client = SessionsClient.builder()
                        .baseUrl(server.baseUrl())
                        .apiKey(server.createKey(Set.of("read", "write")))
                        .build()) {
            Session s = client.sessions()
                    .create(CreateSessionRequest.builder("hash_once")
                            .start(true)
                            .build())
                    .execute();
            assertThat(Security.insertProviderAt(counting, 1)).isEqualTo(1);
            Frame frame;
            try {
                frame = client.frames()
                        .upload(s.id(), FrameUpload.png(1, Instant.now(), image))
                        .withOptions(RequestOptions.idempotencyKey("frame-1-of-" + s.id()))
                        .execute();
            } finally {
                Security.removeProvider(counting.getName());
            }

            assertThat(frame.sha256())
                    .isEqualTo(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(image)));
            assertThat(HASHED.get())
                    .as("bytes through SHA-256 for a frame of %d bytes", image.length)
                    .isBetween((long) image.length, image.length + 4096L);
        }
    }

    /** A PNG of random pixels (it does not compress: some 230 KB). */
    private static byte[] noise(int width, int height) throws Exception {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(20);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** SHA-256 of the JDK's own provider, counting the bytes it is given. */
    private static final class CountingProvider extends Provider {
        CountingProvider() {
            super("CountingSha256", "1.0", "SHA-256 that counts its input bytes");
            putService(new Service(this, "MessageDigest", "SHA-256", CountingSha256.class.getName(), null, null) {
                @Override
                public Object newInstance(Object parameter) throws NoSuchAlgorithmException {
                    return new CountingSha256();
                }
            });
        }
    }

    private static final class CountingSha256 extends MessageDigestSpi implements Cloneable {
        private MessageDigest inner;

        CountingSha256() throws NoSuchAlgorithmException {
            try {
                inner = MessageDigest.getInstance("SHA-256", "SUN");
            } catch (NoSuchProviderException e) {
                throw new NoSuchAlgorithmException(e);
            }
        }

        @Override
        protected void engineUpdate(byte input) {
            HASHED.incrementAndGet();
            inner.update(input);
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int len) {
            HASHED.addAndGet(len);
            inner.update(input, offset, len);
        }

        @Override
        protected byte[] engineDigest() {
            return inner.digest();
        }

        @Override
        protected void engineReset() {
            inner.reset();
        }

        @Override
        protected int engineGetDigestLength() {
            return 32;
        }

        @Override
        public Object clone() throws CloneNotSupportedException {
            CountingSha256 copy = (CountingSha256) super.clone();
            copy.inner = (MessageDigest) inner.clone();
            return copy;
        }
    }
}
