package it.geres.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.geres.client.generated.api.PersonsApi;
import it.geres.client.generated.model.LookupSection;
import it.geres.client.generated.model.Person;
import it.geres.client.generated.model.PersonSearchResult;
import it.geres.client.generated.model.Problem;
import it.geres.client.generated.model.ProblemFieldError;
import it.geres.client.generated.model.SearchPersonsDto;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Java runner of the SDK parity suite ({@code parity/README.md}, {@code parity/scenarios.json}).
 * <p>
 * It is driven by the harness, {@code test-env/src/bin/parity.ts} ({@code npm run test:parity}),
 * which writes a plan, starts this class with {@code java-client/test.sh -Dtest=ParityTest} and
 * {@code GERES_PARITY_PLAN} / {@code GERES_PARITY_OUT} set, and compares the outcomes it reads back.
 * Without {@code GERES_PARITY_PLAN} the test is skipped.
 * <p>
 * The runner builds one {@link GeResClient} from {@code plan.client} (the SDK's default retry
 * policy and timeout), runs every step through the SDK's own types and facade, and writes one
 * outcome per step. It fails only when it cannot run (an unreadable plan, a fault that cannot be
 * armed or disarmed, an output that cannot be written): comparing outcomes is the harness's job.
 */
class ParityTest {
    private static final Set<String> OPTION_KEYS = Set.of("operator", "idempotencyKey", "timeoutMs", "maxRetries");

    /** Writes the outcomes: a plain mapper, so that {@code null} members are kept (every key is always present). */
    private final ObjectMapper out = new ObjectMapper();
    private final HttpClient simulatorHttp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void runsThePlan() throws Exception {
        String planFile = System.getenv("GERES_PARITY_PLAN");
        assumeTrue(planFile != null && !planFile.isBlank(),
                "GERES_PARITY_PLAN is not set: the parity suite is run by test-env/src/bin/parity.ts (npm run test:parity), see parity/README.md");
        String outFile = System.getenv("GERES_PARITY_OUT");
        if (outFile == null || outFile.isBlank()) {
            throw new IllegalStateException("GERES_PARITY_PLAN is set but GERES_PARITY_OUT is not: nowhere to write the outcomes");
        }

        JsonNode plan = out.readTree(Files.readString(Path.of(planFile)));
        String baseUrl = text(plan, "baseUrl", true);
        String simulatorUrl = text(plan, "simulatorUrl", true).replaceAll("/+$", "");
        JsonNode client = required(plan, "client");
        JsonNode workstation = required(client, "workstation");

        GeResClient geres = GeResClient.builder()
                .baseUrl(baseUrl)
                .clientCredentials(text(client, "clientId", true), text(client, "clientSecret", true))
                .operator(text(client, "operator", true))
                .workstation(text(workstation, "code", true), text(workstation, "deviceToken", false))
                .build();
        // Where nothing listens, with a fixed token so that no token request comes first.
        GeResClient unreachable = GeResClient.builder()
                .baseUrl(text(plan, "unreachableUrl", true))
                .accessToken("parity-unreachable")
                .operator(text(client, "operator", true))
                .workstation(text(workstation, "code", true), text(workstation, "deviceToken", false))
                .build();

        ObjectNode outcomes = out.createObjectNode();
        outcomes.put("sdk", plan.hasNonNull("sdk") ? plan.get("sdk").asText() : "java");
        ArrayNode results = outcomes.putArray("results");
        JsonNode scenarios = required(plan, "scenarios");
        if (!scenarios.isArray()) {
            throw new IllegalArgumentException("plan.scenarios must be an array");
        }
        for (JsonNode scenario : scenarios) {
            String id = text(scenario, "id", true);
            ObjectNode result = results.addObject();
            result.put("id", id);
            ArrayNode steps = result.putArray("steps");
            int index = 0;
            for (JsonNode step : required(scenario, "steps")) {
                index++;
                String target = text(step, "target", false);
                if (target != null && !target.equals("unreachable")) {
                    throw new IllegalArgumentException(id + " step " + index + ": unknown target " + target);
                }
                ObjectNode outcome = runStep(target == null ? geres : unreachable, simulatorUrl, step, id + " step " + index);
                steps.add(outcome);
                System.out.println("[parity java] " + id + " #" + index + ": " + out.writeValueAsString(outcome));
            }
        }

        Path target = Path.of(outFile);
        if (target.toAbsolutePath().getParent() != null) {
            Files.createDirectories(target.toAbsolutePath().getParent());
        }
        Files.writeString(target, out.writerWithDefaultPrettyPrinter().writeValueAsString(outcomes) + "\n");
    }

    /** Runs without a plan: the contract's error names for the SDK's exception classes. */
    @Test
    void errorNamesFollowTheContract() {
        assertEquals("SubjectNotFound", errorName(SubjectNotFoundException.class));
        assertEquals("Timeout", errorName(GeResTimeoutException.class));
        assertEquals("Connection", errorName(GeResConnectionException.class));
        assertEquals("QuotaExceeded", errorName(QuotaExceededException.class));
        assertEquals("GeRes", errorName(GeResException.class));
        assertEquals("IllegalArgument", errorName(IllegalArgumentException.class));
    }

    // ---------------------------------------------------------------------------------------
    // One step

    private ObjectNode runStep(GeResClient geres, String simulatorUrl, JsonNode step, String where) throws IOException, InterruptedException {
        String call = text(step, "call", true);
        RequestOptions options = options(step.get("options"), where);
        // Prepare the typed request before arming, so that a bad plan never leaves a fault armed.
        SearchPersonsDto body = null;
        String identifier = null;
        PersonsApi.GetPersonParams params = null;
        switch (call) {
            case "searchPersons":
                body = geres.objectMapper().treeToValue(required(step, "body"), SearchPersonsDto.class);
                break;
            case "getPerson":
                identifier = text(step, "identifier", true);
                params = getParams(required(step, "query"), where);
                break;
            default:
                throw new IllegalArgumentException(where + ": unknown call " + call);
        }

        JsonNode arm = step.get("arm");
        boolean armed = arm != null && !arm.isNull();
        if (armed) {
            arm(simulatorUrl, arm, where);
        }
        try {
            try {
                ApiResponse<PersonSearchResult> response = "searchPersons".equals(call)
                        ? geres.persons().searchWithResponse(body, options)
                        : geres.persons().getWithResponse(identifier, params, options);
                return ok(response);
            } catch (RuntimeException e) {
                return error(e);
            }
        } finally {
            if (armed) {
                disarm(simulatorUrl, where);
            }
        }
    }

    /** The step's per-call overrides, as the SDK's {@link RequestOptions}. */
    private static RequestOptions options(JsonNode o, String where) {
        if (o == null || o.isNull()) {
            return RequestOptions.none();
        }
        for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!OPTION_KEYS.contains(name)) {
                throw new IllegalArgumentException(where + ": unknown option " + name + " (known: " + OPTION_KEYS + ")");
            }
        }
        RequestOptions.Builder b = RequestOptions.builder();
        if (o.hasNonNull("operator")) {
            b.operator(o.get("operator").asText());
        }
        if (o.hasNonNull("idempotencyKey")) {
            b.idempotencyKey(o.get("idempotencyKey").asText());
        }
        if (o.hasNonNull("timeoutMs")) {
            b.timeout(Duration.ofMillis(o.get("timeoutMs").asLong()));
        }
        if (o.hasNonNull("maxRetries")) {
            b.maxRetries(o.get("maxRetries").asInt());
        }
        return b.build();
    }

    /** {@code GET /v1/persons/{identifier}}'s query through the facade's helper (sections as typed values). */
    private static PersonsApi.GetPersonParams getParams(JsonNode q, String where) {
        List<LookupSection> sections = new ArrayList<>();
        for (JsonNode s : required(q, "sections")) {
            LookupSection section = LookupSection.fromValue(s.asText());
            if (section == null) {
                throw new IllegalArgumentException(where + ": unknown section " + s);
            }
            sections.add(section);
        }
        PersonsApi.GetPersonParams params = Persons.params(text(q, "comune", true), sections, text(q, "motivoRichiesta", true));
        if (q.hasNonNull("asOf")) {
            params.asOf(q.get("asOf").asText());
        }
        return params;
    }

    // ---------------------------------------------------------------------------------------
    // Outcomes (parity/README.md): every key always present, in the README's order

    private ObjectNode ok(ApiResponse<PersonSearchResult> response) {
        ObjectNode o = out.createObjectNode();
        o.put("outcome", "ok");
        o.put("status", response.status());
        ArrayNode persons = o.putArray("persons");
        if (response.data() != null && response.data().persons() != null) {
            for (Person p : response.data().persons()) {
                persons.add(p.idANPR());
            }
        }
        o.put("attempts", response.attempts());
        o.put("idempotentReplayed", response.idempotentReplayed());
        return o;
    }

    private ObjectNode error(RuntimeException e) {
        ObjectNode o = out.createObjectNode();
        o.put("outcome", "error");
        o.put("error", errorName(e.getClass()));
        GeResException g = e instanceof GeResException ge ? ge : null;
        Problem problem = g == null ? null : g.problem();
        if (g != null && g.status() != null) {
            o.put("status", g.status());
        } else {
            o.putNull("status");
        }
        o.put("type", g == null ? null : g.type());
        o.put("rule", problem == null ? null : problem.rule());
        ArrayNode fields = o.putArray("fields");
        if (problem != null && problem.errors() != null) {
            for (ProblemFieldError fe : problem.errors()) {
                fields.add(fe.field());
            }
        }
        Integer retryAfter = g == null ? null : retryAfterSeconds(g);
        o.put("retryAfter", retryAfter != null && retryAfter > 0);
        if (g != null) {
            o.put("attempts", g.attempts());
        } else {
            o.putNull("attempts"); // not the SDK's typed error (a bug, or a plan the SDK refused before sending): unknown
        }
        return o;
    }

    /**
     * The class name without a leading {@code GeRes} and a trailing {@code Exception} (or
     * {@code Error}), never stripped to nothing: {@code GeResException} itself is {@code Exception}.
     */
    static String errorName(Class<?> type) {
        String name = type.getSimpleName();
        for (String suffix : new String[] {"Exception", "Error"}) {
            if (name.endsWith(suffix)) {
                name = name.substring(0, name.length() - suffix.length());
                break;
            }
        }
        if (name.startsWith("GeRes") && name.length() > "GeRes".length()) {
            name = name.substring("GeRes".length());
        }
        return name;
    }

    /**
     * The Retry-After the exception carries, in seconds, as the SDK exposes it: {@code retryAfterSeconds()}
     * of the 429 and 5xx exceptions (the other SDKs expose it on the same classes only).
     */
    private static Integer retryAfterSeconds(GeResException e) {
        if (e instanceof RateLimitedException r) {
            return r.retryAfterSeconds();
        }
        if (e instanceof ServerException s) {
            return s.retryAfterSeconds();
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------
    // Faults on the simulated ANPR

    private void arm(String simulatorUrl, JsonNode fault, String where) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulatorUrl + "/faults"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(out.writeValueAsString(fault)))
                .build();
        HttpResponse<String> response = simulatorHttp.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(where + ": arming " + fault + " at " + simulatorUrl + "/faults answered "
                    + response.statusCode() + " " + response.body());
        }
    }

    private void disarm(String simulatorUrl, String where) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulatorUrl + "/faults"))
                .timeout(Duration.ofSeconds(10))
                .DELETE()
                .build();
        HttpResponse<String> response = simulatorHttp.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(where + ": DELETE " + simulatorUrl + "/faults answered " + response.statusCode() + " " + response.body());
        }
    }

    // ---------------------------------------------------------------------------------------
    // Reading the plan

    private static JsonNode required(JsonNode node, String name) {
        JsonNode v = node == null ? null : node.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("the plan has no " + name + " in " + abbreviate(node));
        }
        return v;
    }

    private static String text(JsonNode node, String name, boolean mandatory) {
        JsonNode v = node == null ? null : node.get(name);
        if (v == null || v.isNull()) {
            if (mandatory) {
                throw new IllegalArgumentException("the plan has no " + name + " in " + abbreviate(node));
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("the plan's " + name + " must be a string, not " + v);
        }
        return v.asText();
    }

    private static String abbreviate(JsonNode node) {
        String s = String.valueOf(node);
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
