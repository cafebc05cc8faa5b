// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A person who uses GeRes. TOP users belong to a Comune; everyone else to an Ente.
 * <p>
 * @param anprOperatorId ANPR operator id, for users who perform registry functions. (required, may be null)
 * @param comune For TOP users, the ISTAT code of their Comune; otherwise null. (required, may be null)
 * @param createdAt When the user was created. (format date-time, required)
 * @param createdBy Who created the user; null for users seeded at installation. (format uuid, required, may be null)
 * @param email E-mail address. (format email, required)
 * @param enteId The user's Ente; null for TOP users. (format uuid, required, may be null)
 * @param id Id of the user. (format uuid, required)
 * @param lastLoginAt Last successful login; for STANDARDPS users shown to themselves only (null for others). (format date-time, required, may be null)
 * @param locked Locked after repeated failed logins (until the lockout ends or an administrator unlocks). (required)
 * @param mediator Holds the MEDIATORE function: their ANPR identity may be used for others' requests. (required)
 * @param name Full name. (required)
 * @param role Role, which decides what the user may manage. (required)
 * @param status Whether the user may work. (required)
 * @param username Login name. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserView(
        @JsonProperty("anprOperatorId") String anprOperatorId,
        @JsonProperty("comune") String comune,
        @JsonProperty("createdAt") String createdAt,
        @JsonProperty("createdBy") String createdBy,
        @JsonProperty("email") String email,
        @JsonProperty("enteId") String enteId,
        @JsonProperty("id") String id,
        @JsonProperty("lastLoginAt") String lastLoginAt,
        @JsonProperty("locked") Boolean locked,
        @JsonProperty("mediator") Boolean mediator,
        @JsonProperty("name") String name,
        @JsonProperty("role") Role role,
        @JsonProperty("status") UserStatus status,
        @JsonProperty("username") String username) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.anprOperatorId = anprOperatorId;
        b.comune = comune;
        b.createdAt = createdAt;
        b.createdBy = createdBy;
        b.email = email;
        b.enteId = enteId;
        b.id = id;
        b.lastLoginAt = lastLoginAt;
        b.locked = locked;
        b.mediator = mediator;
        b.name = name;
        b.role = role;
        b.status = status;
        b.username = username;
        return b;
    }

    /** Builds {@link UserView}. */
    public static final class Builder {
        private String anprOperatorId;
        private String comune;
        private String createdAt;
        private String createdBy;
        private String email;
        private String enteId;
        private String id;
        private String lastLoginAt;
        private Boolean locked;
        private Boolean mediator;
        private String name;
        private Role role;
        private UserStatus status;
        private String username;

        private Builder() {
        }

        /** ANPR operator id, for users who perform registry functions. (required, may be null) */
        public Builder anprOperatorId(String anprOperatorId) {
            this.anprOperatorId = anprOperatorId;
            return this;
        }

        /** For TOP users, the ISTAT code of their Comune; otherwise null. (required, may be null) */
        public Builder comune(String comune) {
            this.comune = comune;
            return this;
        }

        /** When the user was created. (format date-time, required) */
        public Builder createdAt(String createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** Who created the user; null for users seeded at installation. (format uuid, required, may be null) */
        public Builder createdBy(String createdBy) {
            this.createdBy = createdBy;
            return this;
        }

        /** E-mail address. (format email, required) */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** The user's Ente; null for TOP users. (format uuid, required, may be null) */
        public Builder enteId(String enteId) {
            this.enteId = enteId;
            return this;
        }

        /** Id of the user. (format uuid, required) */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Last successful login; for STANDARDPS users shown to themselves only (null for others). (format date-time, required, may be null) */
        public Builder lastLoginAt(String lastLoginAt) {
            this.lastLoginAt = lastLoginAt;
            return this;
        }

        /** Locked after repeated failed logins (until the lockout ends or an administrator unlocks). (required) */
        public Builder locked(Boolean locked) {
            this.locked = locked;
            return this;
        }

        /** Holds the MEDIATORE function: their ANPR identity may be used for others' requests. (required) */
        public Builder mediator(Boolean mediator) {
            this.mediator = mediator;
            return this;
        }

        /** Full name. (required) */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Role, which decides what the user may manage. (required) */
        public Builder role(Role role) {
            this.role = role;
            return this;
        }

        /** Whether the user may work. (required) */
        public Builder status(UserStatus status) {
            this.status = status;
            return this;
        }

        /** Login name. (required) */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public UserView build() {
            Objects.requireNonNull(anprOperatorId, "anprOperatorId is required");
            Objects.requireNonNull(comune, "comune is required");
            Objects.requireNonNull(createdAt, "createdAt is required");
            Objects.requireNonNull(createdBy, "createdBy is required");
            Objects.requireNonNull(email, "email is required");
            Objects.requireNonNull(enteId, "enteId is required");
            Objects.requireNonNull(id, "id is required");
            Objects.requireNonNull(lastLoginAt, "lastLoginAt is required");
            Objects.requireNonNull(locked, "locked is required");
            Objects.requireNonNull(mediator, "mediator is required");
            Objects.requireNonNull(name, "name is required");
            Objects.requireNonNull(role, "role is required");
            Objects.requireNonNull(status, "status is required");
            Objects.requireNonNull(username, "username is required");
            return new UserView(anprOperatorId, comune, createdAt, createdBy, email, enteId, id, lastLoginAt, locked, mediator, name, role, status, username);
        }
    }
}
