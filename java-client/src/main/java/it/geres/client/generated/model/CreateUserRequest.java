// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A new user. TOP users belong to the caller's Comune; every other role to an Ente of the caller's area.
 * <p>
 * @param anprOperatorId ANPR operator id, for users who perform registry functions.
 * @param email E-mail address. (format email, required)
 * @param enteId The user's Ente: required for every role but TOP, and forbidden for TOP. (format uuid)
 * @param mediator Give the MEDIATORE function (requires anprOperatorId). (default false)
 * @param name Full name. (required)
 * @param password Initial password: at least 12 characters, three of lower case, upper case, digits and symbols, not containing the username. (format password, required)
 * @param role Role; TOP users create any role, ADMIN users STANDARD and STANDARDPS. (required)
 * @param username Login name: 3-80 lower-case letters, digits, dots, dashes or underscores. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateUserRequest(
        @JsonProperty("anprOperatorId") String anprOperatorId,
        @JsonProperty("email") String email,
        @JsonProperty("enteId") String enteId,
        @JsonProperty("mediator") Boolean mediator,
        @JsonProperty("name") String name,
        @JsonProperty("password") String password,
        @JsonProperty("role") Role role,
        @JsonProperty("username") String username) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.anprOperatorId = anprOperatorId;
        b.email = email;
        b.enteId = enteId;
        b.mediator = mediator;
        b.name = name;
        b.password = password;
        b.role = role;
        b.username = username;
        return b;
    }

    /** Builds {@link CreateUserRequest}. */
    public static final class Builder {
        private String anprOperatorId;
        private String email;
        private String enteId;
        private Boolean mediator;
        private String name;
        private String password;
        private Role role;
        private String username;

        private Builder() {
        }

        /** ANPR operator id, for users who perform registry functions. */
        public Builder anprOperatorId(String anprOperatorId) {
            this.anprOperatorId = anprOperatorId;
            return this;
        }

        /** E-mail address. (format email, required) */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** The user's Ente: required for every role but TOP, and forbidden for TOP. (format uuid) */
        public Builder enteId(String enteId) {
            this.enteId = enteId;
            return this;
        }

        /** Give the MEDIATORE function (requires anprOperatorId). (default false) */
        public Builder mediator(Boolean mediator) {
            this.mediator = mediator;
            return this;
        }

        /** Full name. (required) */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Initial password: at least 12 characters, three of lower case, upper case, digits and symbols, not containing the username. (format password, required) */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** Role; TOP users create any role, ADMIN users STANDARD and STANDARDPS. (required) */
        public Builder role(Role role) {
            this.role = role;
            return this;
        }

        /** Login name: 3-80 lower-case letters, digits, dots, dashes or underscores. (required) */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public CreateUserRequest build() {
            Objects.requireNonNull(email, "email is required");
            Objects.requireNonNull(name, "name is required");
            Objects.requireNonNull(password, "password is required");
            Objects.requireNonNull(role, "role is required");
            Objects.requireNonNull(username, "username is required");
            return new CreateUserRequest(anprOperatorId, email, enteId, mediator, name, password, role, username);
        }
    }
}
