package com.nusomi.recorder.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * A request body read from a file as it is sent, a chunk at a time, reporting progress: a run bundle of GiBs is
 * never held in memory. Sent again from the start on a retry.
 */
final class FileRequestBody extends RequestBody {
    private static final int CHUNK = 64 * 1024;

    private final Operation.FileBody body;
    private final MediaType type;

    FileRequestBody(Operation.FileBody body, MediaType type) {
        this.body = body;
        this.type = type;
    }

    @Override
    public MediaType contentType() {
        return type;
    }

    @Override
    public long contentLength() throws IOException {
        return Files.size(body.file());
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        long total = contentLength();
        long sent = 0;
        byte[] buffer = new byte[CHUNK];
        body.progress().sent(0, total);
        try (InputStream in = Files.newInputStream(body.file())) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sink.write(buffer, 0, n);
                sent += n;
                body.progress().sent(sent, total);
            }
        }
    }
}
