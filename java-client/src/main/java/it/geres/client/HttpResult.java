package it.geres.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One HTTP answer as the interceptors see it: status, headers and the body, fully read. */
public final class HttpResult {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final long elapsedMs;
    private JsonNode json;
    private boolean parsed;

    public HttpResult(int status, Map<String, List<String>> headers, byte[] body, long elapsedMs) {
        this.status = status;
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((k, v) -> {
            if (k != null && !k.startsWith(":")) {
                lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v));
            }
        });
        this.headers = Collections.unmodifiableMap(lower);
        this.body = body == null ? new byte[0] : body;
        this.elapsedMs = elapsedMs;
    }

    public int status() {
        return status;
    }

    /** Headers, names in lower case. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public byte[] body() {
        return body.clone();
    }

    byte[] rawBody() {
        return body;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public long elapsedMs() {
        return elapsedMs;
    }

    /** True for a JSON content type ({@code application/json}, {@code application/problem+json}…). */
    public boolean isJson() {
        String type = header("content-type");
        return type != null && type.toLowerCase(Locale.ROOT).matches(".*[/+]json\\b.*");
    }

    /** The body as JSON, or {@code null} when it is empty, not JSON, or not valid. */
    public JsonNode json() {
        if (!parsed) {
            parsed = true;
            if (body.length > 0 && isJson()) {
                try {
                    json = MAPPER.readTree(body);
                } catch (java.io.IOException e) {
                    json = null;
                }
            }
        }
        return json;
    }

    /** The short problem name ({@code subject-not-found}) of a problem document, or {@code null}. */
    public String problemName() {
        JsonNode j = json();
        if (j == null || !j.path("type").isTextual()) {
            return null;
        }
        String type = j.get("type").asText();
        return type.startsWith(GeResException.PROBLEM_TYPE_PREFIX) ? type.substring(GeResException.PROBLEM_TYPE_PREFIX.length()) : null;
    }
}
