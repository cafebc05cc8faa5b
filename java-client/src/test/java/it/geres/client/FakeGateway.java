package it.geres.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A scripted gateway on a local port: answers per "METHOD /path" from a queue, records every request. */
final class FakeGateway implements AutoCloseable {
    record Recorded(String method, String path, String query, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    record Reply(int status, Map<String, String> headers, String body, long delayMs) {
        static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body, 0);
        }

        static Reply problem(int status, String name, String extra, Map<String, String> headers) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put("Content-Type", "application/problem+json");
            String body = "{\"type\":\"urn:geres:problem:" + name + "\",\"title\":\"" + name + "\",\"status\":" + status
                    + ",\"detail\":\"detail of " + name + "\"" + (extra == null || extra.isEmpty() ? "" : "," + extra) + "}";
            return new Reply(status, h, body, 0);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, body, delayMs);
        }

        Reply delayed(long ms) {
            return new Reply(status, headers, body, ms);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Deque<Reply>> scripts = new HashMap<>();
    private final Map<String, Reply> fallbacks = new HashMap<>();
    final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger tokensIssued = new AtomicInteger();

    FakeGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        // The token endpoint works unless a test scripts it.
        always("POST /v1/oauth/token", null);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues replies for "METHOD /path" (served in order; then the fallback). */
    synchronized FakeGateway on(String route, Reply... replies) {
        scripts.computeIfAbsent(route, k -> new ArrayDeque<>()).addAll(List.of(replies));
        return this;
    }

    /** The reply once the queue is empty. */
    synchronized FakeGateway always(String route, Reply reply) {
        fallbacks.put(route, reply);
        return this;
    }

    List<Recorded> requestsTo(String route) {
        synchronized (requests) {
            return requests.stream().filter(r -> (r.method() + " " + r.path()).equals(route)).toList();
        }
    }

    private synchronized Reply next(String route) {
        Deque<Reply> q = scripts.get(route);
        if (q != null && !q.isEmpty()) {
            return q.poll();
        }
        return fallbacks.get(route);
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
        String route = ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath();
        requests.add(new Recorded(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery(), headers, body));
        Reply reply = next(route);
        if (reply == null && route.equals("POST /v1/oauth/token")) {
            reply = Reply.json(200, "{\"access_token\":\"token-" + tokensIssued.incrementAndGet() + "\",\"token_type\":\"Bearer\",\"expires_in\":900}");
        }
        if (reply == null) {
            reply = Reply.problem(404, "not-found", null, Map.of());
        }
        try {
            if (reply.delayMs() > 0) {
                Thread.sleep(reply.delayMs());
            }
            String requestId = headers.getOrDefault("x-request-id", "server-made-id");
            ex.getResponseHeaders().set("X-Request-Id", requestId);
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            byte[] out = reply.body() == null ? new byte[0] : reply.body().replace("$REQUEST_ID", requestId).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (timeout tests)
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
