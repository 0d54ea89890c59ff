package com.nusomi.recorder.server.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Matches a method and path to a route: an unknown path is a 404, a known path with another method a 405. */
public final class Router {
    private final List<Route> routes = new ArrayList<>();

    /** A matched route with the values of its path parameters. */
    public record Match(Route route, Map<String, String> params) {}

    public Router add(Route route) {
        routes.add(route);
        return this;
    }

    public Match match(String method, String path) {
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Map<String, String> params = matchPath(route.pattern(), path);
            if (params == null) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Match(route, params);
            }
            allowed.add(route.method());
        }
        if (allowed.isEmpty()) {
            throw ApiException.notFound("route_not_found", "no route " + method + " " + abbreviate(path));
        }
        return methodNotAllowed(method, path, allowed);
    }

    private static Match methodNotAllowed(String method, String path, Set<String> allowed) {
        throw new ApiException(
                        405,
                        "invalid_request_error",
                        "method_not_allowed",
                        abbreviate(path) + " does not take " + abbreviate(method) + "; allowed: "
                                + String.join(", ", allowed),
                        null)
                .withHeader("Allow", String.join(", ", allowed));
    }

    private static Map<String, String> matchPath(String pattern, String path) {
        String[] want = pattern.split("/", -1);
        String[] have = path.split("/", -1);
        if (want.length != have.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < want.length; i++) {
            String w = want[i];
            if (w.startsWith("{") && w.endsWith("}")) {
                if (have[i].isEmpty()) {
                    return null;
                }
                params.put(w.substring(1, w.length() - 1), have[i]);
            } else if (!w.equals(have[i])) {
                return null;
            }
        }
        return params;
    }

    static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
