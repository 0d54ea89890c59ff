package com.nusomi.recorder.app.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The app's one Jackson mapper for what it keeps and shows itself: the settings and saved-filters files in the data
 * folder (Java field names, ISO times, indented) and JSON shown on screen. The API's wire format has its own mapper
 * in the client. Made on first use: with no settings file yet, the first window does not wait for Jackson.
 */
public final class LocalJson {
    private LocalJson() {}

    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
        static final ObjectWriter COMPACT = MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);
    }

    /** The mapper: reads and writes indented JSON. */
    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    /** A writer of the same mapper that writes JSON on one line. */
    public static ObjectWriter compact() {
        return Holder.COMPACT;
    }
}
