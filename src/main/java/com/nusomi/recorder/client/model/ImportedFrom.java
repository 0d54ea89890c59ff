package com.nusomi.recorder.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * [ext] Where an imported session came from: the session's id on the server it was exported from, and the SHA-256
 * of the run bundle's bytes (lower-case hex).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImportedFrom(String sessionId, String bundleSha256) {}
