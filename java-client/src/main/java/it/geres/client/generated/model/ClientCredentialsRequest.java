// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * OAuth2 client-credentials grant (RFC 6749 §4.4). Give client_id and client_secret here, or leave them out and authenticate with HTTP Basic.
 * <p>
 * @param clientId The application's client id (unless sent with HTTP Basic).
 * @param clientSecret One of its client secrets (unless sent with HTTP Basic). (format password)
 * @param grantType Always client_credentials. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientCredentialsRequest(
        @JsonProperty("client_id") String clientId,
        @JsonProperty("client_secret") String clientSecret,
        @JsonProperty("grant_type") GrantType grantType) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.clientId = clientId;
        b.clientSecret = clientSecret;
        b.grantType = grantType;
        return b;
    }

    /**
     * Always client_credentials.
     */
    public static enum GrantType {
        @JsonProperty("client_credentials")
        CLIENT_CREDENTIALS("client_credentials");

        private final String value;

        GrantType(String value) {
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
        public static GrantType fromValue(String value) {
            for (GrantType candidate : values()) {
                if (candidate.value.equals(value)) {
                    return candidate;
                }
            }
            return null;
        }
    }

    /** Builds {@link ClientCredentialsRequest}. */
    public static final class Builder {
        private String clientId;
        private String clientSecret;
        private GrantType grantType;

        private Builder() {
        }

        /** The application's client id (unless sent with HTTP Basic). */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /** One of its client secrets (unless sent with HTTP Basic). (format password) */
        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        /** Always client_credentials. (required) */
        public Builder grantType(GrantType grantType) {
            this.grantType = grantType;
            return this;
        }

        public ClientCredentialsRequest build() {
            Objects.requireNonNull(grantType, "grant_type is required");
            return new ClientCredentialsRequest(clientId, clientSecret, grantType);
        }
    }
}
