package com.nusomi.recorder.server.store;

/**
 * What redactions changed in one frame: the hash of the image as it was uploaded (whose bytes are erased), and the
 * rectangles painted black so far, clipped to the image, as JSON text ({@code [[x, y, width, height], …]}).
 */
public record RedactionRecord(String sessionId, long seq, String originalSha256, String rects) {}
