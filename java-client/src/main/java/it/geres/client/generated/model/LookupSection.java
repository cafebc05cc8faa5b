// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A section of a person's record that a lookup can return.
 */
public enum LookupSection {
    @JsonProperty("generalita")
    GENERALITA("generalita"),

    @JsonProperty("residenza")
    RESIDENZA("residenza"),

    @JsonProperty("famiglia")
    FAMIGLIA("famiglia"),

    @JsonProperty("cittadinanza")
    CITTADINANZA("cittadinanza"),

    @JsonProperty("statoCivile")
    STATO_CIVILE("statoCivile"),

    @JsonProperty("matrimonio")
    MATRIMONIO("matrimonio"),

    @JsonProperty("decesso")
    DECESSO("decesso"),

    @JsonProperty("documenti")
    DOCUMENTI("documenti"),

    @JsonProperty("aire")
    AIRE("aire"),

    @JsonProperty("storici")
    STORICI("storici");

    private final String value;

    LookupSection(String value) {
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
    public static LookupSection fromValue(String value) {
        for (LookupSection candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        return null;
    }
}
