package it.geres.client.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request before the core adds authentication, context headers and ids: method, path (with its
 * parameters), query, headers and body.
 */
public final class ApiRequest {
    private final String method;
    private String path;
    private final List<Map.Entry<String, String>> query = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Object body;
    private String mediaType;
    private boolean authenticated = true;
    private boolean context = true;
    private boolean repeatable;

    private ApiRequest(String method, String path) {
        this.method = Objects.requireNonNull(method, "method").toUpperCase(java.util.Locale.ROOT);
        this.path = Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + path);
        }
    }

    /** A request for {@code path} below the base URL, e.g. {@code /v1/users/{id}}. */
    public static ApiRequest of(String method, String path) {
        return new ApiRequest(method, path);
    }

    /** Substitutes {@code {name}} in the path with the percent-encoded value. */
    public ApiRequest path(String name, Object value) {
        String token = "{" + name + "}";
        if (!path.contains(token)) {
            throw new IllegalArgumentException("No {" + name + "} in " + path);
        }
        path = path.replace(token, PercentEncoding.encode(String.valueOf(Objects.requireNonNull(value, name))));
        return this;
    }

    /** Adds a query parameter; {@code null} is left out, a collection repeats the parameter. */
    public ApiRequest query(String name, Object value) {
        if (value == null) {
            return this;
        }
        if (value instanceof Collection<?> c) {
            for (Object item : c) {
                if (item != null) {
                    query.add(Map.entry(name, String.valueOf(item)));
                }
            }
        } else {
            query.add(Map.entry(name, String.valueOf(value)));
        }
        return this;
    }

    public ApiRequest header(String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
        return this;
    }

    /** The body: an object sent as JSON, or a String / byte[] sent as is with {@code mediaType}. */
    public ApiRequest body(Object body, String mediaType) {
        this.body = body;
        this.mediaType = mediaType;
        return this;
    }

    /** Sent without the access token (login, token endpoint, health). */
    public ApiRequest unauthenticated() {
        this.authenticated = false;
        return this;
    }

    /** Sent without the operator and workstation headers. */
    public ApiRequest withoutContext() {
        this.context = false;
        return this;
    }

    /**
     * Safe to send again whatever its method, so retried like a GET (the token requests: asking
     * again only issues another token).
     */
    public ApiRequest repeatable() {
        this.repeatable = true;
        return this;
    }

    /** Whether {@link #repeatable()} was called. */
    public boolean isRepeatable() {
        return repeatable;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public List<Map.Entry<String, String>> query() {
        return Collections.unmodifiableList(query);
    }

    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    public Object body() {
        return body;
    }

    public String mediaType() {
        return mediaType;
    }

    public boolean authenticated() {
        return authenticated;
    }

    public boolean context() {
        return context;
    }
}
