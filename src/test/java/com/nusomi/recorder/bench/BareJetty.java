package com.nusomi.recorder.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The start-up benchmark's baseline for {@code serve}: a bare Jetty server (the version the app ships, its
 * defaults) answering one route, {@code GET /v1/health}, with the small JSON the app's health route gives; 404 for
 * anything else. {@code java -cp bench.jar:session-recorder.jar com.nusomi.recorder.bench.BareJetty PORT}; runs until
 * killed. Also started in-process by {@link WindowAndJetty}.
 */
public final class BareJetty {
    private static final byte[] HEALTH = "{\"status\":\"ok\",\"version\":\"bench\"}".getBytes(StandardCharsets.UTF_8);

    private BareJetty() {}

    public static void main(String[] args) throws Exception {
        Server server = start(Integer.parseInt(args[0]));
        String started = System.getProperty("recorder.readyFile");
        if (started != null) {
            Files.writeString(Path.of(started), "listening", StandardCharsets.UTF_8);
        }
        server.join();
    }

    /** Starts the server on loopback (port 0: any free one) and returns it listening. */
    public static Server start(int port) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                if (!"GET".equals(request.getMethod())
                        || !"/v1/health".equals(request.getHttpURI().getPath())) {
                    return false; // Jetty answers 404
                }
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                Content.Sink.write(response, true, new String(HEALTH, StandardCharsets.UTF_8), callback);
                return true;
            }
        });
        server.start();
        return server;
    }

    /** The port a started server listens on. */
    public static int port(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }
}
