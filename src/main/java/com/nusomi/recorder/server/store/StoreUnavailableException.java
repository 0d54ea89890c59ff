package com.nusomi.recorder.server.store;

/**
 * The store cannot serve at all for now: it is closed (the server is shutting down) or no connection came free in
 * time. Not a bug of the request: the API answers 503 {@code unavailable} with {@code Retry-After}.
 */
public final class StoreUnavailableException extends StoreException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
