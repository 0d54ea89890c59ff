package com.nusomi.recorder.client.exception;

/**
 * An extension endpoint ([ext] in the contract: frames, events, restore, audit log, health) that this server
 * does not offer, e.g. the hosted API. Not a bug: the feature is just unavailable here.
 */
public class NotSupportedException extends ApiException {
    public NotSupportedException(ErrorInfo info, Throwable cause) {
        super(describe(info.withServerMessage(null), "Not supported by this server"), info, cause);
    }
}
