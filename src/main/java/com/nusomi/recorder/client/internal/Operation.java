package com.nusomi.recorder.client.internal;

import okhttp3.HttpUrl;
import okhttp3.MediaType;

/**
 * One API call, ready to send: method, full URL, optional body, whether the endpoint is an [ext] one (a 404
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
        ResponseDecoder<T> decoder) {

    public boolean isPost() {
        return "POST".equals(method);
    }

    /** Path and query, for logs and messages. */
    public String target() {
        String q = url.encodedQuery();
        return url.encodedPath() + (q == null ? "" : "?" + q);
    }
}
