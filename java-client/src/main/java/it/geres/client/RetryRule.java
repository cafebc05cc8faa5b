package it.geres.client;

import java.util.Set;

/**
 * When a failed attempt is sent again; the same rule in the TypeScript, .NET and Java SDKs (their
 * READMEs, and the parity suite, say so).
 * <ul>
 *   <li>Only a request that can be repeated without doing twice what it does once: a GET, HEAD or
 *   OPTIONS, a request carrying an Idempotency-Key (the client adds one to the lookups, whose keys
 *   the gateway honours), or a token request (it only issues another token).</li>
 *   <li>Only a failure that may pass: a connection error before any answer; 409
 *   {@code idempotency-in-progress}; 429 except {@code quota-exceeded} (its Retry-After is Italian
 *   midnight); 502 except {@code anpr-rejected} (no repeat changes ANPR's refusal of the gateway's
 *   credentials); 503; 504.</li>
 * </ul>
 * Never a timeout (the gateway may still be working, and the caller bounded the wait), a 500
 * ({@code internal-error} is a fault of the gateway), nor any other 4xx.
 */
final class RetryRule {
    /** POST paths where the gateway stores the answer under the Idempotency-Key: the client adds a key to these. */
    static final Set<String> KEYED_POST_PATHS = Set.of("/v1/persons/search");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private RetryRule() {
    }

    /** Whether the client adds an Idempotency-Key of its own to this request. */
    static boolean wantsIdempotencyKey(String method, String path) {
        return "POST".equals(method) && KEYED_POST_PATHS.contains(path);
    }

    /** Whether sending the request again cannot do twice what it does once. */
    static boolean isRepeatable(String method, String idempotencyKey, boolean repeatable) {
        return repeatable || SAFE_METHODS.contains(method) || idempotencyKey != null;
    }

    /** Whether an answer with this status and problem type (its short name, or null) may succeed if sent again. */
    static boolean isTransientAnswer(int status, String problemName) {
        return switch (status) {
            case 409 -> "idempotency-in-progress".equals(problemName);
            case 429 -> !"quota-exceeded".equals(problemName);
            case 502 -> !"anpr-rejected".equals(problemName);
            case 503, 504 -> true;
            default -> false;
        };
    }
}
