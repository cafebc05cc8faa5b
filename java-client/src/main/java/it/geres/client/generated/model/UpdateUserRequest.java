// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The fields to change; the others stay as they are.
 * <p>
 * @param anprOperatorId ANPR operator id.
 * @param email E-mail address. (format email)
 * @param mediator Give or take the MEDIATORE function (giving it requires an anprOperatorId).
 * @param name Full name.
 * @param status Suspend or reactivate the user.
 * @param unlock true clears a lockout after repeated failed logins.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpdateUserRequest(
        @JsonProperty("anprOperatorId") String anprOperatorId,
        @JsonProperty("email") String email,
        @JsonProperty("mediator") Boolean mediator,
        @JsonProperty("name") String name,
        @JsonProperty("status") UserStatus status,
        @JsonProperty("unlock") Boolean unlock) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.anprOperatorId = anprOperatorId;
        b.email = email;
        b.mediator = mediator;
        b.name = name;
        b.status = status;
        b.unlock = unlock;
        return b;
    }

    /** Builds {@link UpdateUserRequest}. */
    public static final class Builder {
        private String anprOperatorId;
        private String email;
        private Boolean mediator;
        private String name;
        private UserStatus status;
        private Boolean unlock;

        private Builder() {
        }

        /** ANPR operator id. */
        public Builder anprOperatorId(String anprOperatorId) {
            this.anprOperatorId = anprOperatorId;
            return this;
        }

        /** E-mail address. (format email) */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** Give or take the MEDIATORE function (giving it requires an anprOperatorId). */
        public Builder mediator(Boolean mediator) {
            this.mediator = mediator;
            return this;
        }

        /** Full name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Suspend or reactivate the user. */
        public Builder status(UserStatus status) {
            this.status = status;
            return this;
        }

        /** true clears a lockout after repeated failed logins. */
        public Builder unlock(Boolean unlock) {
            this.unlock = unlock;
            return this;
        }

        public UpdateUserRequest build() {
            return new UpdateUserRequest(anprOperatorId, email, mediator, name, status, unlock);
        }
    }
}
