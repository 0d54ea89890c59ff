package com.nusomi.recorder.client.internal;

import java.io.IOException;
import okhttp3.Headers;

/** Turns a successful response into a value. May throw any exception for a malformed body. */
@FunctionalInterface
public interface ResponseDecoder<T> {
    T decode(int status, Headers headers, byte[] body) throws IOException;
}
