// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * TOP: registry officer of a Comune; ADMIN: administrator of an Ente; STANDARD: operator; STANDARDPS: operator whose activity is hidden from monitoring (public safety).
 */
public enum Role {
    @JsonProperty("TOP")
    TOP("TOP"),

    @JsonProperty("ADMIN")
    ADMIN("ADMIN"),

    @JsonProperty("STANDARD")
    STANDARD("STANDARD"),

    @JsonProperty("STANDARDPS")
    STANDARDPS("STANDARDPS");

    private final String value;

    Role(String value) {
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
    public static Role fromValue(String value) {
        for (Role candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        return null;
    }
}
