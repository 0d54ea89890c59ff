package com.nusomi.recorder.client.model;

import java.util.Arrays;
import java.util.Objects;

/** The bytes of one frame image, with their content type and ETag (the sha256). */
// the array is a payload handed over without copying; changing the record would be invasive
@SuppressWarnings("ArrayRecordComponent")
public record FrameImage(byte[] bytes, String contentType, String etag) {
    public FrameImage {
        bytes = bytes == null ? new byte[0] : bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrameImage f
                && Arrays.equals(bytes, f.bytes)
                && Objects.equals(contentType, f.contentType)
                && Objects.equals(etag, f.etag);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + Objects.hash(contentType, etag);
    }

    @Override
    public String toString() {
        return "FrameImage[" + bytes.length + " bytes, contentType=" + contentType + ", etag=" + etag + "]";
    }
}
