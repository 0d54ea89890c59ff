package com.nusomi.recorder.server.store;

/** A storage failure (I/O, corruption, a bug in SQL): never the caller's bad input. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
