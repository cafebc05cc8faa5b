// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * ANPR SOAP service for lookups: 3002 (a Comune's registry office) or E002 (consultazione for enti).
 */
public enum AnprSoapService {
    @JsonProperty("3002")
    V_3002("3002"),

    @JsonProperty("E002")
    E002("E002");

    private final String value;

    AnprSoapService(String value) {
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
    public static AnprSoapService fromValue(String value) {
        for (AnprSoapService candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        return null;
    }
}
