package com.nusomi.recorder.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The application version for the User-Agent: the jar manifest's, else Maven's pom.properties, else "dev". */
final class Version {
    private static final String CURRENT = find();

    private Version() {}

    static String current() {
        return CURRENT;
    }

    private static String find() {
        String v = Version.class.getPackage().getImplementationVersion();
        if (v != null && !v.isBlank()) {
            return v;
        }
        try (InputStream in =
                Version.class.getResourceAsStream("/META-INF/maven/com.nusomi/session-recorder/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String pv = p.getProperty("version");
                if (pv != null && !pv.isBlank()) {
                    return pv;
                }
            }
        } catch (IOException ignored) {
            // fall through to "dev"
        }
        return "dev";
    }
}
