// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * free: calls from any workstation; authorised: only from workstations the Comune authorised.
 */
public enum WorkstationPolicy {
    @JsonProperty("free")
    FREE("free"),

    @JsonProperty("authorised")
    AUTHORISED("authorised");

    private final String value;

    WorkstationPolicy(String value) {
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
    public static WorkstationPolicy fromValue(String value) {
        for (WorkstationPolicy candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        return null;
    }
}
