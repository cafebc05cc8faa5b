// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * soap: ANPR web services with the Comune's certificate; pdnd: ANPR e-services through PDND vouchers.
 */
public enum AnprChannel {
    @JsonProperty("soap")
    SOAP("soap"),

    @JsonProperty("pdnd")
    PDND("pdnd");

    private final String value;

    AnprChannel(String value) {
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
    public static AnprChannel fromValue(String value) {
        for (AnprChannel candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        return null;
    }
}
