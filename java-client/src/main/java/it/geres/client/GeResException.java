package it.geres.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.geres.client.generated.model.Problem;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The gateway refused a call, or could not be reached. Every refusal is an RFC 9457 problem
 * document whose {@code type} is {@code urn:geres:problem:<name>}; the client throws the subclass
 * for that type, and picks one by HTTP status for a type it does not know, so a newer gateway
 * never breaks an older client. Match on classes or on {@link #type()}, never on the title or
 * detail.
 * <p>
 * Quote {@link #requestId()} when reporting a problem: it is in the gateway's logs and audit trail.
 */
public class GeResException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public static final String PROBLEM_TYPE_PREFIX = "urn:geres:problem:";

    private final Integer status;
    private final String requestId;
    private final transient Problem problem;
    private final transient Map<String, Object> problemDocument;
    private final transient Map<String, List<String>> headers;
    private final String idempotencyKey;
    private final int attempts;

    /**
     * What an exception carries.
     *
     * @param status          the HTTP status, {@code null} when no answer arrived
     * @param problem         the problem document, typed ({@code null} when the body was not one)
     * @param problemDocument the problem document as sent, extension members included (or {@code null})
     * @param requestId       the request id
     * @param headers         the response headers (lower-case names), empty when no answer arrived
     * @param idempotencyKey  the Idempotency-Key sent (a lookup's, or yours), else {@code null}
     * @param attempts        how many times the request was sent
     */
    public record Details(Integer status, Problem problem, Map<String, Object> problemDocument, String requestId,
                          Map<String, List<String>> headers, String idempotencyKey, int attempts) {
        public Details {
            headers = headers == null ? Map.of() : Collections.unmodifiableMap(headers);
            problemDocument = problemDocument == null ? null : Collections.unmodifiableMap(problemDocument);
        }

        /** No answer: a connection failure or a timeout. */
        public static Details noAnswer(String requestId, String idempotencyKey, int attempts) {
            return new Details(null, null, null, requestId, Map.of(), idempotencyKey, attempts);
        }
    }

    public GeResException(String message, Details details) {
        this(message, details, null);
    }

    public GeResException(String message, Details details, Throwable cause) {
        super(message, cause);
        Details d = details == null ? Details.noAnswer(null, null, 0) : details;
        this.status = d.status() != null ? d.status() : d.problem() != null ? d.problem().status() : null;
        this.problem = d.problem();
        this.problemDocument = d.problemDocument();
        this.requestId = d.requestId() != null ? d.requestId() : d.problem() != null ? d.problem().requestId() : null;
        this.headers = d.headers();
        this.idempotencyKey = d.idempotencyKey();
        this.attempts = d.attempts();
    }

    /** The HTTP status, or {@code null} when the gateway did not answer. */
    public Integer status() {
        return status;
    }

    /** The problem type URN, e.g. {@code urn:geres:problem:subject-not-found}, or {@code null}. */
    public String type() {
        return problem == null ? null : problem.type();
    }

    /** The short name of the problem type ({@code subject-not-found}), or {@code null}. */
    public String problemName() {
        String type = type();
        return type != null && type.startsWith(PROBLEM_TYPE_PREFIX) ? type.substring(PROBLEM_TYPE_PREFIX.length()) : null;
    }

    public String title() {
        return problem == null ? null : problem.title();
    }

    public String detail() {
        return problem == null ? null : problem.detail();
    }

    /** The request id: quote it to support. */
    public String requestId() {
        return requestId;
    }

    /** The problem document, typed; {@code null} when the answer was not one. */
    public Problem problem() {
        return problem;
    }

    /** The problem document as sent, extension members included; {@code null} when the answer was not one. */
    public Map<String, Object> problemDocument() {
        return problemDocument;
    }

    /** Response headers (lower-case names); empty when no answer arrived. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a response header, or {@code null}. */
    public String header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** The Idempotency-Key sent (a lookup's, or yours): reuse it to retry safely yourself. */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** How many times the request was sent. */
    public int attempts() {
        return attempts;
    }

    /** Seconds to wait before trying again: the problem's {@code retryAfterSeconds}, else {@code Retry-After}. */
    protected Integer retryAfter() {
        if (problem != null && problem.retryAfterSeconds() != null) {
            return problem.retryAfterSeconds();
        }
        Long ms = parseRetryAfterMillis(header("retry-after"), Instant.now());
        return ms == null ? null : (int) Math.ceil(ms / 1000.0);
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date, in milliseconds from {@code now}; {@code null} if absent or unreadable. */
    public static Long parseRetryAfterMillis(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.matches("\\d+")) {
            try {
                return Math.multiplyExact(Long.parseLong(v), 1000L);
            } catch (ArithmeticException | NumberFormatException e) {
                return Long.MAX_VALUE;
            }
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Math.max(0L, at.toEpochMilli() - now.toEpochMilli());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------------------------------
    // Mapping

    private static final Map<String, BiFunction<String, Details, GeResException>> BY_TYPE = Map.ofEntries(
            Map.entry("validation-failed", ValidationException::new),
            Map.entry("bad-request", ValidationException::new),
            Map.entry("invalid-grant", ValidationException::new),
            Map.entry("weak-password", ValidationException::new),
            Map.entry("import-failed", ValidationException::new),
            Map.entry("unsupported-media-type", ValidationException::new),
            Map.entry("payload-too-large", ValidationException::new),
            Map.entry("invalid-criteria", InvalidCriteriaException::new),
            Map.entry("unauthenticated", AuthenticationException::new),
            Map.entry("invalid-credentials", AuthenticationException::new),
            Map.entry("invalid-token", AuthenticationException::new),
            Map.entry("invalid-client", AuthenticationException::new),
            Map.entry("account-locked", AuthenticationException::new),
            Map.entry("account-suspended", PermissionException::new),
            Map.entry("password-change-required", PermissionException::new),
            Map.entry("operator-required", PermissionException::new),
            Map.entry("operator-not-allowed", PermissionException::new),
            Map.entry("forbidden", PermissionException::new),
            Map.entry("grant-exceeds-own", PermissionException::new),
            Map.entry("forbidden-by-profile", ForbiddenByProfileException::new),
            Map.entry("comune-not-agreed", ComuneNotAgreedException::new),
            Map.entry("workstation-not-authorised", WorkstationNotAuthorisedException::new),
            Map.entry("not-found", NotFoundException::new),
            Map.entry("subject-not-found", SubjectNotFoundException::new),
            Map.entry("more-than-one-subject", MoreThanOneSubjectException::new),
            Map.entry("conflict", ConflictException::new),
            Map.entry("idempotency-in-progress", ConflictException::new),
            Map.entry("idempotency-key-reused", IdempotencyKeyReusedException::new),
            Map.entry("rate-limited", RateLimitedException::new),
            Map.entry("quota-exceeded", QuotaExceededException::new),
            Map.entry("internal-error", ServerException::new),
            Map.entry("service-unavailable", ServerException::new),
            Map.entry("anpr-unavailable", AnprUnavailableException::new),
            Map.entry("anpr-rejected", AnprRejectedException::new));

    /** Whether this client has a class of its own for the problem type (its short name). */
    static boolean knowsProblemType(String name) {
        return BY_TYPE.containsKey(name);
    }

    private static BiFunction<String, Details, GeResException> byStatus(int status) {
        if (status == 400 || status == 413 || status == 415 || status == 422) {
            return ValidationException::new;
        }
        if (status == 401 || status == 423) {
            return AuthenticationException::new;
        }
        if (status == 403) {
            return PermissionException::new;
        }
        if (status == 404) {
            return NotFoundException::new;
        }
        if (status == 409) {
            return ConflictException::new;
        }
        if (status == 429) {
            return RateLimitedException::new;
        }
        if (status >= 500) {
            return ServerException::new;
        }
        return GeResException::new;
    }

    /**
     * The exception for a refused answer: by problem type first, by HTTP status otherwise.
     *
     * @param mapper         reads the problem document
     * @param status         the HTTP status
     * @param body           the body as JSON, or {@code null} when it was not JSON
     * @param bodyText       the body as text (for a message when it is not a problem)
     * @param headers        response headers, lower-case names
     * @param requestId      the request id the gateway answered with, else the one sent
     * @param idempotencyKey the Idempotency-Key sent, or {@code null}
     * @param attempts       how many times the request was sent
     */
    @SuppressWarnings("unchecked")
    public static GeResException fromResponse(ObjectMapper mapper, int status, JsonNode body, String bodyText, Map<String, List<String>> headers,
                                              String requestId, String idempotencyKey, int attempts) {
        Problem problem = null;
        Map<String, Object> document = null;
        if (body != null && body.isObject() && body.path("type").isTextual()) {
            try {
                problem = mapper.treeToValue(body, Problem.class);
                document = mapper.convertValue(body, Map.class);
            } catch (java.io.IOException | IllegalArgumentException e) {
                problem = null;
            }
        }
        String name = problem != null && problem.type().startsWith(PROBLEM_TYPE_PREFIX) ? problem.type().substring(PROBLEM_TYPE_PREFIX.length()) : null;
        BiFunction<String, Details, GeResException> factory = name != null && BY_TYPE.containsKey(name) ? BY_TYPE.get(name) : byStatus(status);
        String what;
        if (problem != null) {
            what = problem.detail() != null ? problem.detail() : problem.title();
        } else if (bodyText != null && !bodyText.isBlank()) {
            what = bodyText.length() > 200 ? bodyText.substring(0, 200) : bodyText;
        } else {
            what = "HTTP " + status;
        }
        String id = requestId != null ? requestId : problem != null ? problem.requestId() : null;
        String message = what + " (" + (name != null ? name : "HTTP " + status) + (id != null ? ", request " + id : "") + ")";
        return factory.apply(message, new Details(status, problem, document, id, headers, idempotencyKey, attempts));
    }
}
