package com.nusomi.recorder.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;

/** Bundles whose manifest still matches after a file was changed: for checks of content, not of hashes. */
final class BundleFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BundleFixtures() {}

    /** A copy of {@code bundle} with {@code path}'s text changed by {@code change}, and the manifest made to match. */
    static Path withFile(Path bundle, Path target, String path, Function<String, byte[]> change) throws Exception {
        Map<String, byte[]> entries = Zips.read(bundle);
        byte[] changed = change.apply(new String(entries.get(path), StandardCharsets.UTF_8));
        ObjectNode manifest = (ObjectNode) JSON.readTree(entries.get("manifest.json"));
        for (JsonNode f : manifest.get("files")) {
            if (f.get("path").asText().equals(path)) {
                ((ObjectNode) f).put("bytes", changed.length);
                ((ObjectNode) f)
                        .put(
                                "sha256",
                                HexFormat.of()
                                        .formatHex(MessageDigest.getInstance("SHA-256")
                                                .digest(changed)));
            }
        }
        byte[] newManifest = JSON.writeValueAsBytes(manifest);
        return Zips.rewrite(
                bundle,
                target,
                (name, b) -> name.equals(path) ? changed : name.equals("manifest.json") ? newManifest : b,
                Map.of());
    }
}
