package com.nusomi.recorder.cli;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.files.DataFolder;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * Where the {@code sessions} commands connect: {@code --base-url}/{@code --api-key}, else
 * {@code NUSOMI_BASE_URL}/{@code NUSOMI_API_KEY}, else the embedded server's data folder ({@code --data DIR}; a local
 * server is started in this process on a free loopback port, with the folder's admin key, for the length of the
 * command).
 */
final class Connection implements AutoCloseable {
    @Option(
            names = "--base-url",
            scope = ScopeType.INHERIT,
            paramLabel = "URL",
            description = "API base URL (default: $NUSOMI_BASE_URL, " + "else the embedded server's data folder)")
    String baseUrl;

    @Option(
            names = "--api-key",
            scope = ScopeType.INHERIT,
            paramLabel = "KEY",
            description = "API key (default: $NUSOMI_API_KEY, or the data " + "folder's admin key)")
    String apiKey;

    static final String DATA_DESCRIPTION =
            "the embedded server's data folder (default: $SESSION_RECORDER_DATA, " + "else the app's)";

    /** {@code sessions --data DIR …}: the data folder given before the subcommand. */
    @Option(names = "--data", paramLabel = "DIR", description = DATA_DESCRIPTION)
    Path data;

    /**
     * {@code sessions SUBCOMMAND --data DIR}: the data folder given after the subcommand; added to every subcommand
     * but {@code tag}, whose {@code --data} is the tag's JSON (see {@link SessionsCommand#addDataOption}).
     */
    Path subcommandData;

    /** The old spelling, before every command said {@code --data}: still accepted everywhere, no longer shown. */
    @Option(
            names = "--data-dir",
            scope = ScopeType.INHERIT,
            paramLabel = "DIR",
            hidden = true,
            description = "deprecated: use --data")
    Path deprecatedDataDir;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private ApiServer embedded;
    private SessionsClient client;

    SessionsClient client() {
        if (client != null) {
            return client;
        }
        String url = baseUrl != null ? baseUrl : System.getenv(SessionsClient.ENV_BASE_URL);
        String key = apiKey != null ? apiKey : System.getenv(SessionsClient.ENV_API_KEY);
        if (url == null || url.isBlank()) {
            embedded = ApiServer.start(ServerConfig.builder()
                    .dataDir(DataFolder.resolve(dataFolder()))
                    .port(0)
                    .build());
            url = embedded.baseUrl();
            if (key == null || key.isBlank()) {
                key = embedded.adminKey();
            }
        }
        client = SessionsClient.builder().baseUrl(url).apiKey(key).build();
        return client;
    }

    /** The data folder asked for, after the subcommand first, or null for the default. */
    Path dataFolder() {
        if (deprecatedDataDir != null) {
            PrintWriter err = mixee.commandLine().getErr();
            err.println("note: --data-dir is deprecated; use --data DIR");
            err.flush();
        }
        return subcommandData != null ? subcommandData : data != null ? data : deprecatedDataDir;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
