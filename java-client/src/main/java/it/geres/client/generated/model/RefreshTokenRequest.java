// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A refresh token, to exchange (refresh) or to revoke with its whole login (logout).
 * <p>
 * @param refreshToken The refresh token of a TokenPair. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RefreshTokenRequest(
        @JsonProperty("refreshToken") String refreshToken) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.refreshToken = refreshToken;
        return b;
    }

    /** Builds {@link RefreshTokenRequest}. */
    public static final class Builder {
        private String refreshToken;

        private Builder() {
        }

        /** The refresh token of a TokenPair. (required) */
        public Builder refreshToken(String refreshToken) {
            this.refreshToken = refreshToken;
            return this;
        }

        public RefreshTokenRequest build() {
            Objects.requireNonNull(refreshToken, "refreshToken is required");
            return new RefreshTokenRequest(refreshToken);
        }
    }
}
