// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The ANPR environment the Comune's requests go to.
 */
public enum AnprEnvironment {
    @JsonProperty("FREE")
    FREE("FREE"),

    @JsonProperty("TEST")
    TEST("TEST"),

    @JsonProperty("PRE")
    PRE("PRE"),

    @JsonProperty("PROD")
    PROD("PROD");

    private final String value;

    AnprEnvironment(String value) {
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
    public static AnprEnvironment fromValue(String value) {
        for (AnprEnvironment candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        return null;
    }
}
