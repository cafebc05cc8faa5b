// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Tokens for a person: a short-lived access token and a single-use refresh token.
 * <p>
 * @param accessToken Access token (a JWT signed by GeRes, verifiable with the JWKS): send it as <code>Authorization: Bearer &lt;token&gt;</code>. (required)
 * @param expiresIn Seconds until the access token expires. (required)
 * @param passwordChangeRequired True after a one-time password: until the person changes it (POST /v1/me/password), every call but GET /v1/me and logout answers <code>password-change-required</code>. (required)
 * @param refreshExpiresIn Seconds until the refresh token expires (never past the end of the login, REFRESH_FAMILY_MAX_SECONDS after it began). (required)
 * @param refreshToken Refresh token: exchange it once for a new pair. Presenting a used one again closes every session of the login. (required)
 * @param tokenType Always Bearer. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenPair(
        @JsonProperty("accessToken") String accessToken,
        @JsonProperty("expiresIn") Integer expiresIn,
        @JsonProperty("passwordChangeRequired") Boolean passwordChangeRequired,
        @JsonProperty("refreshExpiresIn") Integer refreshExpiresIn,
        @JsonProperty("refreshToken") String refreshToken,
        @JsonProperty("tokenType") TokenType tokenType) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.accessToken = accessToken;
        b.expiresIn = expiresIn;
        b.passwordChangeRequired = passwordChangeRequired;
        b.refreshExpiresIn = refreshExpiresIn;
        b.refreshToken = refreshToken;
        b.tokenType = tokenType;
        return b;
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

    /** Builds {@link TokenPair}. */
    public static final class Builder {
        private String accessToken;
        private Integer expiresIn;
        private Boolean passwordChangeRequired;
        private Integer refreshExpiresIn;
        private String refreshToken;
        private TokenType tokenType;

        private Builder() {
        }

        /** Access token (a JWT signed by GeRes, verifiable with the JWKS): send it as <code>Authorization: Bearer &lt;token&gt;</code>. (required) */
        public Builder accessToken(String accessToken) {
            this.accessToken = accessToken;
            return this;
        }

        /** Seconds until the access token expires. (required) */
        public Builder expiresIn(Integer expiresIn) {
            this.expiresIn = expiresIn;
            return this;
        }

        /** True after a one-time password: until the person changes it (POST /v1/me/password), every call but GET /v1/me and logout answers <code>password-change-required</code>. (required) */
        public Builder passwordChangeRequired(Boolean passwordChangeRequired) {
            this.passwordChangeRequired = passwordChangeRequired;
            return this;
        }

        /** Seconds until the refresh token expires (never past the end of the login, REFRESH_FAMILY_MAX_SECONDS after it began). (required) */
        public Builder refreshExpiresIn(Integer refreshExpiresIn) {
            this.refreshExpiresIn = refreshExpiresIn;
            return this;
        }

        /** Refresh token: exchange it once for a new pair. Presenting a used one again closes every session of the login. (required) */
        public Builder refreshToken(String refreshToken) {
            this.refreshToken = refreshToken;
            return this;
        }

        /** Always Bearer. (required) */
        public Builder tokenType(TokenType tokenType) {
            this.tokenType = tokenType;
            return this;
        }

        public TokenPair build() {
            Objects.requireNonNull(accessToken, "accessToken is required");
            Objects.requireNonNull(expiresIn, "expiresIn is required");
            Objects.requireNonNull(passwordChangeRequired, "passwordChangeRequired is required");
            Objects.requireNonNull(refreshExpiresIn, "refreshExpiresIn is required");
            Objects.requireNonNull(refreshToken, "refreshToken is required");
            Objects.requireNonNull(tokenType, "tokenType is required");
            return new TokenPair(accessToken, expiresIn, passwordChangeRequired, refreshExpiresIn, refreshToken, tokenType);
        }
    }
}
