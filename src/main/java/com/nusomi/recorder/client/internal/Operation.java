package com.nusomi.recorder.client.internal;

import com.nusomi.recorder.client.UploadProgress;
import java.nio.file.Path;
import okhttp3.HttpUrl;
import okhttp3.MediaType;

/**
 * One API call, ready to send: method, full URL, optional body (in memory, or a file), whether the endpoint is an [ext] one (a 404
 * without the contract's shape then means "not supported"), and how to decode a success.
 */
// the array is a payload handed over without copying; changing the record would be invasive
@SuppressWarnings("ArrayRecordComponent")
public record Operation<T>(
        String method,
        HttpUrl url,
        byte[] body,
        MediaType contentType,
        boolean ext,
        boolean authenticated,
        ResponseDecoder<T> decoder,
        FileBody fileBody) {

    /** A body sent from a file as it is read (a run bundle), with its progress reported. */
    public record FileBody(Path file, UploadProgress progress) {}

    /** An operation whose body, if any, is in memory. */
    public Operation(
            String method,
            HttpUrl url,
            byte[] body,
            MediaType contentType,
            boolean ext,
            boolean authenticated,
            ResponseDecoder<T> decoder) {
        this(method, url, body, contentType, ext, authenticated, decoder, null);
    }

    public boolean isPost() {
        return "POST".equals(method);
    }

    /** Path and query, for logs and messages. */
    public String target() {
        String q = url.encodedQuery();
        return url.encodedPath() + (q == null ? "" : "?" + q);
    }
}
