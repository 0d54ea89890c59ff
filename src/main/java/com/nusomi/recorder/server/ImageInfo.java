package com.nusomi.recorder.server;

/**
 * Checks that frame bytes are the image their Content-Type says, and reads the width and height from the header
 * (PNG IHDR, JPEG SOFn, WebP VP8/VP8L/VP8X) without decoding the image.
 */
record ImageInfo(Integer width, Integer height) {

    /** Null when the bytes are not an image of that type. */
    static ImageInfo read(String contentType, byte[] b) {
        return switch (contentType) {
            case "image/png" -> png(b);
            case "image/jpeg" -> jpeg(b);
            case "image/webp" -> webp(b);
            default -> null;
        };
    }

    private static ImageInfo png(byte[] b) {
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (b.length < 8) {
            return null;
        }
        for (int i = 0; i < 8; i++) {
            if (b[i] != magic[i]) {
                return null;
            }
        }
        if (b.length >= 24 && b[12] == 'I' && b[13] == 'H' && b[14] == 'D' && b[15] == 'R') {
            return new ImageInfo(be32(b, 16), be32(b, 20));
        }
        return new ImageInfo(null, null);
    }

    private static ImageInfo jpeg(byte[] b) {
        if (b.length < 3 || (b[0] & 0xff) != 0xff || (b[1] & 0xff) != 0xd8 || (b[2] & 0xff) != 0xff) {
            return null;
        }
        int i = 2;
        while (i + 9 < b.length) {
            if ((b[i] & 0xff) != 0xff) {
                break;
            }
            int marker = b[i + 1] & 0xff;
            if (marker == 0xff) {
                i++;
                continue;
            }
            int length = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
            boolean sof = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
            if (sof) {
                int height = ((b[i + 5] & 0xff) << 8) | (b[i + 6] & 0xff);
                int width = ((b[i + 7] & 0xff) << 8) | (b[i + 8] & 0xff);
                return new ImageInfo(width, height);
            }
            if (marker == 0xda || length < 2) {
                break;
            }
            i += 2 + length;
        }
        return new ImageInfo(null, null);
    }

    private static ImageInfo webp(byte[] b) {
        if (b.length < 16 || b[0] != 'R' || b[1] != 'I' || b[2] != 'F' || b[3] != 'F'
                || b[8] != 'W' || b[9] != 'E' || b[10] != 'B' || b[11] != 'P') {
            return null;
        }
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        if (chunk.equals("VP8X") && b.length >= 30) {
            return new ImageInfo(1 + le24(b, 24), 1 + le24(b, 27));
        }
        if (chunk.equals("VP8L") && b.length >= 25 && (b[20] & 0xff) == 0x2f) {
            int bits = (b[21] & 0xff) | (b[22] & 0xff) << 8 | (b[23] & 0xff) << 16 | (b[24] & 0xff) << 24;
            return new ImageInfo(1 + (bits & 0x3fff), 1 + ((bits >> 14) & 0x3fff));
        }
        if (chunk.equals("VP8 ") && b.length >= 30) {
            return new ImageInfo(((b[26] & 0xff) | (b[27] & 0xff) << 8) & 0x3fff,
                    ((b[28] & 0xff) | (b[29] & 0xff) << 8) & 0x3fff);
        }
        return new ImageInfo(null, null);
    }

    private static int be32(byte[] b, int i) {
        return (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
    }

    private static int le24(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16;
    }
}
