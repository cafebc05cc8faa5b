// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * An error, as an RFC 9457 problem document (<code>application/problem+json</code>). <code>type</code> is a stable URN for each case (see the list in the API description): match on it, never on <code>title</code> or <code>detail</code>. Some cases add members, documented below; clients must ignore members they do not know.
 * <p>
 * @param checks <code>service-unavailable</code> from the readiness probe: the state of each dependency.
 * @param detail What went wrong this time, in English, for people (logs, support).
 * @param error <code>invalid-client</code> from the token endpoint: the OAuth2 error code (RFC 6749 §5.2).
 * @param errors <code>validation-failed</code>, <code>weak-password</code>, <code>import-failed</code> and refused imports: every reason, one entry per field (or row).
 * @param instance The path of the request that failed, without the query string.
 * @param requestId The request id (also in the <code>X-Request-Id</code> response header): quote it when reporting a problem. (required)
 * @param retryAfterSeconds Seconds to wait before trying again (<code>account-locked</code>: until the account can log in again), also sent as the Retry-After header.
 * @param rule Refusals by the caller checks (<code>operator-required</code>, <code>operator-not-allowed</code>, <code>workstation-not-authorised</code>, <code>account-suspended</code> on a token): the rule that refused, as recorded in the audit trail.
 * @param status The HTTP status code, repeated for convenience. (required)
 * @param title Short, fixed summary of the case (the same for every occurrence of a type). (required)
 * @param type Stable identifier of the case, <code>urn:geres:problem:&lt;name&gt;</code>. Once published, a type never changes meaning. (required)
 * @param violations <code>grant-exceeds-own</code>: each part of the profile that could not be granted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Problem(
        @JsonProperty("checks") java.util.Map<String, String> checks,
        @JsonProperty("detail") String detail,
        @JsonProperty("error") ErrorValue error,
        @JsonProperty("errors") java.util.List<ProblemFieldError> errors,
        @JsonProperty("instance") String instance,
        @JsonProperty("requestId") String requestId,
        @JsonProperty("retryAfterSeconds") Integer retryAfterSeconds,
        @JsonProperty("rule") String rule,
        @JsonProperty("status") Integer status,
        @JsonProperty("title") String title,
        @JsonProperty("type") String type,
        @JsonProperty("violations") java.util.List<String> violations) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.checks = checks;
        b.detail = detail;
        b.error = error;
        b.errors = errors;
        b.instance = instance;
        b.requestId = requestId;
        b.retryAfterSeconds = retryAfterSeconds;
        b.rule = rule;
        b.status = status;
        b.title = title;
        b.type = type;
        b.violations = violations;
        return b;
    }

    /**
     * <code>invalid-client</code> from the token endpoint: the OAuth2 error code (RFC 6749 §5.2).
     */
    public static enum ErrorValue {
        @JsonProperty("invalid_client")
        INVALID_CLIENT("invalid_client");

        private final String value;

        ErrorValue(String value) {
            this.value = value;
        }

        /** The value on the wire. */
        public String value() {
            return value;
        }

        /** The value on the wire, so that query parameters carry it. */
        @Override
        public String toString() {
            return value;
        }

        /** The constant for a wire value; {@code null} for a value this client does not know. */
        public static ErrorValue fromValue(String value) {
            for (ErrorValue candidate : values()) {
                if (candidate.value.equals(value)) {
                    return candidate;
                }
            }
            return null;
        }
    }

    /** Builds {@link Problem}. */
    public static final class Builder {
        private java.util.Map<String, String> checks;
        private String detail;
        private ErrorValue error;
        private java.util.List<ProblemFieldError> errors;
        private String instance;
        private String requestId;
        private Integer retryAfterSeconds;
        private String rule;
        private Integer status;
        private String title;
        private String type;
        private java.util.List<String> violations;

        private Builder() {
        }

        /** <code>service-unavailable</code> from the readiness probe: the state of each dependency. */
        public Builder checks(java.util.Map<String, String> checks) {
            this.checks = checks;
            return this;
        }

        /** What went wrong this time, in English, for people (logs, support). */
        public Builder detail(String detail) {
            this.detail = detail;
            return this;
        }

        /** <code>invalid-client</code> from the token endpoint: the OAuth2 error code (RFC 6749 §5.2). */
        public Builder error(ErrorValue error) {
            this.error = error;
            return this;
        }

        /** <code>validation-failed</code>, <code>weak-password</code>, <code>import-failed</code> and refused imports: every reason, one entry per field (or row). */
        public Builder errors(java.util.List<ProblemFieldError> errors) {
            this.errors = errors;
            return this;
        }

        /** <code>validation-failed</code>, <code>weak-password</code>, <code>import-failed</code> and refused imports: every reason, one entry per field (or row). */
        public Builder errors(ProblemFieldError... errors) {
            this.errors = java.util.List.of(errors);
            return this;
        }

        /** The path of the request that failed, without the query string. */
        public Builder instance(String instance) {
            this.instance = instance;
            return this;
        }

        /** The request id (also in the <code>X-Request-Id</code> response header): quote it when reporting a problem. (required) */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /** Seconds to wait before trying again (<code>account-locked</code>: until the account can log in again), also sent as the Retry-After header. */
        public Builder retryAfterSeconds(Integer retryAfterSeconds) {
            this.retryAfterSeconds = retryAfterSeconds;
            return this;
        }

        /** Refusals by the caller checks (<code>operator-required</code>, <code>operator-not-allowed</code>, <code>workstation-not-authorised</code>, <code>account-suspended</code> on a token): the rule that refused, as recorded in the audit trail. */
        public Builder rule(String rule) {
            this.rule = rule;
            return this;
        }

        /** The HTTP status code, repeated for convenience. (required) */
        public Builder status(Integer status) {
            this.status = status;
            return this;
        }

        /** Short, fixed summary of the case (the same for every occurrence of a type). (required) */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Stable identifier of the case, <code>urn:geres:problem:&lt;name&gt;</code>. Once published, a type never changes meaning. (required) */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /** <code>grant-exceeds-own</code>: each part of the profile that could not be granted. */
        public Builder violations(java.util.List<String> violations) {
            this.violations = violations;
            return this;
        }

        /** <code>grant-exceeds-own</code>: each part of the profile that could not be granted. */
        public Builder violations(String... violations) {
            this.violations = java.util.List.of(violations);
            return this;
        }

        public Problem build() {
            Objects.requireNonNull(requestId, "requestId is required");
            Objects.requireNonNull(status, "status is required");
            Objects.requireNonNull(title, "title is required");
            Objects.requireNonNull(type, "type is required");
            return new Problem(checks, detail, error, errors, instance, requestId, retryAfterSeconds, rule, status, title, type, violations);
        }
    }
}
