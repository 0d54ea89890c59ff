/**
 * The run bundle ({@code session-bundle/1}, see the contract's "Import a run"): a zip of the session, its events,
 * its frames and a manifest with every file's SHA-256. {@link com.nusomi.recorder.bundle.BundleWriter} writes one
 * entry by entry, {@link com.nusomi.recorder.bundle.BundleVerifier} checks one against its manifest. Used by the
 * exporter, the command line ({@code sessions verify}) and the server's import alike; it uses nothing else of ours,
 * so that the client side and the server side check a bundle with the same code without sharing anything more.
 */
package com.nusomi.recorder.bundle;
