package com.nusomi.recorder.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A raw HTTP/1.1 connection for what java.net.http will not do: bodies that arrive slowly or never, a Content-Length
 * that lies, headers cut off half way.
 */
final class RawHttp implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String host;

    RawHttp(String baseUrl) {
        URI uri = URI.create(baseUrl);
        try {
            this.socket = new Socket(uri.getHost(), uri.getPort());
            socket.setSoTimeout(15_000);
            this.out = socket.getOutputStream();
            this.in = socket.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.host = uri.getHost() + ":" + uri.getPort();
    }

    /** The request line and headers (Host added), then the blank line. */
    RawHttp head(String method, String path, Map<String, String> headers) {
        StringBuilder sb = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        sb.append("Host: ").append(host).append("\r\n");
        headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
        sb.append("\r\n");
        return write(sb.toString());
    }

    RawHttp write(String text) {
        return write(text.getBytes(StandardCharsets.UTF_8));
    }

    RawHttp write(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Reads one response: status line, headers, and a body of Content-Length bytes (or chunked). */
    Response read() {
        try {
            return readResponse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one response off a stream: status line, headers, and its body (by Content-Length, or chunked). */
    static Response readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ", -1)[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            headers.put(
                    l.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    l.substring(colon + 1).strip());
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";", -1)[0].strip(), 16);
                    size > 0;
                    size = Integer.parseInt(line(in).split(";", -1)[0].strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            line(in);
            return new Response(status, headers, body.toByteArray());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Response(status, headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        if (c == -1 && b.size() == 0) {
            throw new IOException("connection closed before a response");
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * Ends what this side sends, then reads until the server ends the connection: the bytes that came before the
     * end, or an {@link UncheckedIOException} if the connection was reset instead of ended.
     */
    int finish() {
        try {
            socket.shutdownOutput();
            return in.readAllBytes().length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A response read off the raw connection; header names in lower case. */
    // the array is a payload handed over without copying; changing the record would be invasive
    @SuppressWarnings("ArrayRecordComponent")
    record Response(int status, Map<String, String> headers, byte[] body) {
        JsonNode json() {
            try {
                return ApiCalls.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
            }
        }

        String errorCode() {
            return json().path("error").path("code").asText();
        }
    }
}
