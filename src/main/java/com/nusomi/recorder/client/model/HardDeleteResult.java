package com.nusomi.recorder.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Receipt of a hard delete: the session is purged at once. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HardDeleteResult(String id, boolean deleted, boolean hard) {}
