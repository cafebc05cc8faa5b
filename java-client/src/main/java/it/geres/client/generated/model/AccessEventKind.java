// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The kind of access-log entry.
 */
public enum AccessEventKind {
    @JsonProperty("login_success")
    LOGIN_SUCCESS("login_success"),

    @JsonProperty("login_failure")
    LOGIN_FAILURE("login_failure"),

    @JsonProperty("login_throttled")
    LOGIN_THROTTLED("login_throttled"),

    @JsonProperty("logout")
    LOGOUT("logout"),

    @JsonProperty("token_refresh")
    TOKEN_REFRESH("token_refresh"),

    @JsonProperty("function")
    FUNCTION("function"),

    @JsonProperty("delegation")
    DELEGATION("delegation");

    private final String value;

    AccessEventKind(String value) {
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
    public static AccessEventKind fromValue(String value) {
        for (AccessEventKind candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        return null;
    }
}
