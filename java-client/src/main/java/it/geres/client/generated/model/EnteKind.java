// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * municipal_office: an office of the Comune itself; external_body: a body working under a convenzione.
 */
public enum EnteKind {
    @JsonProperty("municipal_office")
    MUNICIPAL_OFFICE("municipal_office"),

    @JsonProperty("external_body")
    EXTERNAL_BODY("external_body");

    private final String value;

    EnteKind(String value) {
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
    public static EnteKind fromValue(String value) {
        for (EnteKind candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        return null;
    }
}
