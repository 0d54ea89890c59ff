package com.nusomi.recorder.recorder.spool;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nusomi.recorder.client.request.EventInput;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The byte layout of one journal entry file: {@code "SRJ1"}, the header length and the header (JSON), the payload
 * length and the payload, and a CRC-32 of header and payload, so that a torn or damaged file is recognised.
 */
final class EntryCodec {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] MAGIC = "SRJ1".getBytes(StandardCharsets.US_ASCII);

    private EntryCodec() {}

    /** The payload of an event batch entry: a JSON array of the events ({@code id, type, at, data}). */
    static byte[] encodeEvents(List<EventInput> events) {
        List<Map<String, Object>> rows = new ArrayList<>(events.size());
        for (EventInput e : events) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("type", e.type());
            m.put("at", e.at().toString());
            m.put("data", e.data());
            rows.add(m);
        }
        try {
            return JSON.writeValueAsBytes(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The events of an event batch entry's payload. */
    static List<EventInput> decodeEvents(byte[] payload) throws IOException {
        List<Map<String, Object>> rows = JSON.readValue(payload, new TypeReference<List<Map<String, Object>>>() {});
        List<EventInput> events = new ArrayList<>(rows.size());
        for (Map<String, Object> m : rows) {
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) m.get("data");
            events.add(EventInput.builder((String) m.get("type"))
                    .id((String) m.get("id"))
                    .at(Instant.parse((String) m.get("at")))
                    .data(data)
                    .build());
        }
        return events;
    }

    static byte[] encode(JournalEntry e) {
        Map<String, Object> h = new LinkedHashMap<>();
        EntryInfo i = e.info();
        h.put("session", i.sessionId());
        h.put("index", i.index());
        h.put("kind", i.kind().fileTag());
        h.put("key", e.idempotencyKey());
        if (i.frameSeq() >= 0) {
            h.put("seq", i.frameSeq());
        }
        if (e.capturedAt() != null) {
            h.put("captured_at", e.capturedAt().toString());
        }
        if (e.contentType() != null) {
            h.put("content_type", e.contentType());
        }
        if (i.tagName() != null) {
            h.put("tag", i.tagName());
        }
        if (!i.eventIds().isEmpty()) {
            h.put("event_ids", i.eventIds());
        }
        try {
            byte[] header = JSON.writeValueAsBytes(h);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(header.length + e.payload().length + 24);
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(header.length);
            out.write(header);
            out.writeInt(e.payload().length);
            out.write(e.payload());
            CRC32 crc = new CRC32();
            crc.update(header);
            crc.update(e.payload());
            out.writeLong(crc.getValue());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static JournalEntry decode(byte[] file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(file);
        if (file.length < MAGIC.length || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IOException("not a journal entry (bad magic)");
        }
        in.position(MAGIC.length);
        int headerAt = block(in);
        int headerLength = in.getInt(headerAt - 4);
        int payloadAt = block(in);
        int payloadLength = in.getInt(payloadAt - 4);
        if (in.remaining() < Long.BYTES) {
            throw new IOException("journal entry truncated");
        }
        long crcStored = in.getLong();
        CRC32 crc = new CRC32();
        crc.update(file, headerAt, headerLength);
        crc.update(file, payloadAt, payloadLength);
        if (crc.getValue() != crcStored) {
            throw new IOException("journal entry damaged (CRC mismatch)");
        }
        byte[] header = Arrays.copyOfRange(file, headerAt, headerAt + headerLength);
        byte[] payload = Arrays.copyOfRange(file, payloadAt, payloadAt + payloadLength);
        Map<String, Object> h = JSON.readValue(header, new TypeReference<Map<String, Object>>() {});
        EntryKind kind = EntryKind.ofFileTag((String) h.get("kind"));
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) h.getOrDefault("event_ids", List.of());
        long seq = h.get("seq") instanceof Number n ? n.longValue() : -1;
        EntryInfo info = new EntryInfo(
                (String) h.get("session"),
                ((Number) h.get("index")).longValue(),
                kind,
                seq,
                ids,
                (String) h.get("tag"),
                file.length);
        Instant captured = h.get("captured_at") == null ? null : Instant.parse((String) h.get("captured_at"));
        return new JournalEntry(info, (String) h.get("key"), captured, (String) h.get("content_type"), payload);
    }

    /** Reads a block's length and skips the block; returns where its bytes start (the file is copied once). */
    private static int block(ByteBuffer in) throws IOException {
        if (in.remaining() < Integer.BYTES) {
            throw new IOException("journal entry truncated");
        }
        int len = in.getInt();
        if (len < 0) {
            throw new IOException("journal entry damaged (bad length " + len + ")");
        }
        if (len > in.remaining()) {
            throw new IOException("journal entry truncated");
        }
        int at = in.position();
        in.position(at + len);
        return at;
    }

    static ByteBuffer wrap(byte[] b) {
        return ByteBuffer.wrap(b);
    }
}
