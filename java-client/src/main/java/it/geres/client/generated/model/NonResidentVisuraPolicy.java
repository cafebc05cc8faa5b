// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How visure on people not resident in the Comune are handled.
 */
public enum NonResidentVisuraPolicy {
    @JsonProperty("real_time")
    REAL_TIME("real_time"),

    @JsonProperty("mediator")
    MEDIATOR("mediator"),

    @JsonProperty("silent_consent")
    SILENT_CONSENT("silent_consent");

    private final String value;

    NonResidentVisuraPolicy(String value) {
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
    public static NonResidentVisuraPolicy fromValue(String value) {
        for (NonResidentVisuraPolicy candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        return null;
    }
}
