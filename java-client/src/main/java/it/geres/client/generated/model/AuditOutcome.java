// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a request ended: ok, not_found (no subject), denied (by a rule) or error; pending is the intent written before an ANPR call, followed by the event of its outcome.
 */
public enum AuditOutcome {
    @JsonProperty("ok")
    OK("ok"),

    @JsonProperty("not_found")
    NOT_FOUND("not_found"),

    @JsonProperty("denied")
    DENIED("denied"),

    @JsonProperty("error")
    ERROR("error"),

    @JsonProperty("pending")
    PENDING("pending");

    private final String value;

    AuditOutcome(String value) {
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
    public static AuditOutcome fromValue(String value) {
        for (AuditOutcome candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        return null;
    }
}
