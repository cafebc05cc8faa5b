// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * agreed: subjects resident in the user's own or agreed Comuni only; national: anywhere in Italy.
 */
public enum SearchScope {
    @JsonProperty("agreed")
    AGREED("agreed"),

    @JsonProperty("national")
    NATIONAL("national");

    private final String value;

    SearchScope(String value) {
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
    public static SearchScope fromValue(String value) {
        for (SearchScope candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        return null;
    }
}
