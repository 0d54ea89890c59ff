package com.nusomi.recorder.app.settings;

import com.github.javakeyring.Keyring;
import com.nusomi.recorder.files.DataFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the hosted API key: in the OS keychain when one answers, else in {@code hosted.key} (mode 0600) in the
 * data folder. Blocking (the keychain may be slow or absent): call it off the UI thread. Never logs the key.
 */
public final class SecretStore {
    private static final Logger LOG = LoggerFactory.getLogger(SecretStore.class);
    private static final String SERVICE = "session-recorder";
    private static final String ACCOUNT = "hosted-api-key";

    private final Path file;
    private final boolean useKeychain;

    public SecretStore(Path dataDir, boolean useKeychain) {
        this.file = dataDir.resolve("hosted.key");
        this.useKeychain = useKeychain;
    }

    /** Where the key went: "OS keychain" or the file's path. */
    public String save(String key) throws IOException {
        if (useKeychain
                && keychain(k -> {
                            k.setPassword(SERVICE, ACCOUNT, key);
                            return Boolean.TRUE;
                        })
                        != null) {
            Files.deleteIfExists(file);
            return "OS keychain";
        }
        DataFolder.writeSecret(file, key);
        return file.toString();
    }

    /** The stored key, or null. */
    public String load() {
        if (useKeychain) {
            String fromKeychain = keychain(k -> k.getPassword(SERVICE, ACCOUNT));
            if (fromKeychain != null && !fromKeychain.isBlank()) {
                return fromKeychain;
            }
        }
        try {
            if (Files.isRegularFile(file)) {
                String key = Files.readString(file, StandardCharsets.UTF_8).strip();
                return key.isEmpty() ? null : key;
            }
        } catch (IOException e) {
            LOG.warn("cannot read the API key file {}: {}", file, e.getMessage());
        }
        return null;
    }

    private interface KeychainCall<T> {
        T call(Keyring keyring) throws Exception;
    }

    /** Closes {@code keyring} after a failed call; a failure to close is then only suppressed, as before. */
    private static void closeAfterFailure(Keyring keyring) {
        try {
            keyring.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            // the call's failure is the one reported
        }
    }

    /** Runs a keychain call with a time limit; null when there is no keychain or it fails in any way. */
    private static <T> T keychain(KeychainCall<T> call) {
        CompletableFuture<T> f = CompletableFuture.supplyAsync(() -> {
            Keyring keyring = null;
            boolean closing = false;
            try {
                keyring = Keyring.create();
                T result = call.call(keyring);
                closing = true;
                keyring.close(); // a failed close fails the call, as with try-with-resources
                return result;
            } catch (Exception | LinkageError e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (keyring != null && !closing) {
                    closeAfterFailure(keyring);
                }
                LOG.debug("OS keychain not usable: {}", e.getClass().getSimpleName());
                return null;
            }
        });
        try {
            return f.get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            f.cancel(true);
            LOG.debug("OS keychain not usable: {}", e.getClass().getSimpleName());
            return null;
        } catch (LinkageError e) {
            return null;
        }
    }
}
