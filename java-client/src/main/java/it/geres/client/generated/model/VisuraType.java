// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A type of visura (registry certificate view).
 */
public enum VisuraType {
    @JsonProperty("anagrafica_nascita")
    ANAGRAFICA_NASCITA("anagrafica_nascita"),

    @JsonProperty("esistenza_in_vita")
    ESISTENZA_IN_VITA("esistenza_in_vita"),

    @JsonProperty("anagrafica_morte")
    ANAGRAFICA_MORTE("anagrafica_morte"),

    @JsonProperty("cittadinanza")
    CITTADINANZA("cittadinanza"),

    @JsonProperty("anagrafica_matrimonio")
    ANAGRAFICA_MATRIMONIO("anagrafica_matrimonio"),

    @JsonProperty("stato_libero")
    STATO_LIBERO("stato_libero"),

    @JsonProperty("residenza")
    RESIDENZA("residenza"),

    @JsonProperty("stato_civile")
    STATO_CIVILE("stato_civile"),

    @JsonProperty("stato_famiglia")
    STATO_FAMIGLIA("stato_famiglia"),

    @JsonProperty("stato_famiglia_parentela")
    STATO_FAMIGLIA_PARENTELA("stato_famiglia_parentela"),

    @JsonProperty("stato_famiglia_aire")
    STATO_FAMIGLIA_AIRE("stato_famiglia_aire"),

    @JsonProperty("residenza_aire")
    RESIDENZA_AIRE("residenza_aire"),

    @JsonProperty("storica_cittadinanza")
    STORICA_CITTADINANZA("storica_cittadinanza"),

    @JsonProperty("storica_residenza")
    STORICA_RESIDENZA("storica_residenza");

    private final String value;

    VisuraType(String value) {
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
    public static VisuraType fromValue(String value) {
        for (VisuraType candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        return null;
    }
}
