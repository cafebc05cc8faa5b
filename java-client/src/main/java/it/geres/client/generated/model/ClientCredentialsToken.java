// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * An access token for an application (RFC 6749 §5.1). There is no refresh token: ask for a new one when it expires.
 * <p>
 * @param accessToken Access token; send it as <code>Authorization: Bearer &lt;token&gt;</code> together with X-GeRes-Operator. (required)
 * @param expiresIn Seconds until the token expires. (required)
 * @param issuedTokenType Token exchange only: the kind of token issued (RFC 8693).
 * @param tokenType Always Bearer. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientCredentialsToken(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("expires_in") Integer expiresIn,
        @JsonProperty("issued_token_type") IssuedTokenType issuedTokenType,
        @JsonProperty("token_type") TokenType tokenType) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.accessToken = accessToken;
        b.expiresIn = expiresIn;
        b.issuedTokenType = issuedTokenType;
        b.tokenType = tokenType;
        return b;
    }

    /**
     * Token exchange only: the kind of token issued (RFC 8693).
     */
    public static enum IssuedTokenType {
        @JsonProperty("urn:ietf:params:oauth:token-type:access_token")
        URN_IETF_PARAMS_OAUTH_TOKEN_TYPE_ACCESS_TOKEN("urn:ietf:params:oauth:token-type:access_token");

        private final String value;

        IssuedTokenType(String value) {
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
        public static IssuedTokenType fromValue(String value) {
            for (IssuedTokenType candidate : values()) {
                if (candidate.value.equals(value)) {
                    return candidate;
                }
            }
            return null;
        }
    }

    /**
     * Always Bearer.
     */
    public static enum TokenType {
        @JsonProperty("Bearer")
        BEARER("Bearer");

        private final String value;

        TokenType(String value) {
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
        public static TokenType fromValue(String value) {
            for (TokenType candidate : values()) {
                if (candidate.value.equals(value)) {
                    return candidate;
                }
            }
            return null;
        }
    }

    /** Builds {@link ClientCredentialsToken}. */
    public static final class Builder {
        private String accessToken;
        private Integer expiresIn;
        private IssuedTokenType issuedTokenType;
        private TokenType tokenType;

        private Builder() {
        }

        /** Access token; send it as <code>Authorization: Bearer &lt;token&gt;</code> together with X-GeRes-Operator. (required) */
        public Builder accessToken(String accessToken) {
            this.accessToken = accessToken;
            return this;
        }

        /** Seconds until the token expires. (required) */
        public Builder expiresIn(Integer expiresIn) {
            this.expiresIn = expiresIn;
            return this;
        }

        /** Token exchange only: the kind of token issued (RFC 8693). */
        public Builder issuedTokenType(IssuedTokenType issuedTokenType) {
            this.issuedTokenType = issuedTokenType;
            return this;
        }

        /** Always Bearer. (required) */
        public Builder tokenType(TokenType tokenType) {
            this.tokenType = tokenType;
            return this;
        }

        public ClientCredentialsToken build() {
            Objects.requireNonNull(accessToken, "access_token is required");
            Objects.requireNonNull(expiresIn, "expires_in is required");
            Objects.requireNonNull(tokenType, "token_type is required");
            return new ClientCredentialsToken(accessToken, expiresIn, issuedTokenType, tokenType);
        }
    }
}
