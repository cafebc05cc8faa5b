// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A person's credentials.
 * <p>
 * @param password Password. (format password, required)
 * @param username Login name. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record LoginRequest(
        @JsonProperty("password") String password,
        @JsonProperty("username") String username) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.password = password;
        b.username = username;
        return b;
    }

    /** Builds {@link LoginRequest}. */
    public static final class Builder {
        private String password;
        private String username;

        private Builder() {
        }

        /** Password. (format password, required) */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** Login name. (required) */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public LoginRequest build() {
            Objects.requireNonNull(password, "password is required");
            Objects.requireNonNull(username, "username is required");
            return new LoginRequest(password, username);
        }
    }
}
