package com.nusomi.recorder.server.store;

/** An event recorded during a session; {@code data} is compact JSON text. */
public record EventRecord(String sessionId, String id, String type, long at, Long offsetMs, String data) {}
