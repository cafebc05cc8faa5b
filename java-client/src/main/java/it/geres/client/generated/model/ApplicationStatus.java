// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A revoked application can no longer obtain or use tokens.
 */
public enum ApplicationStatus {
    @JsonProperty("active")
    ACTIVE("active"),

    @JsonProperty("revoked")
    REVOKED("revoked");

    private final String value;

    ApplicationStatus(String value) {
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
    public static ApplicationStatus fromValue(String value) {
        for (ApplicationStatus candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        return null;
    }
}
