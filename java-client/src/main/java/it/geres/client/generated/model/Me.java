// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Who is calling: the user (for an application, the operator it acts for), their profile, and the context.
 * <p>
 * @param application The calling application; null for a person's token. (required, may be null)
 * @param profile Their profile; null when none was set yet. (required, may be null)
 * @param user The user. (required)
 * @param workstation The recognised workstation; null when none was recognised. (required, may be null)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Me(
        @JsonProperty("application") MeApplication application,
        @JsonProperty("profile") ProfileView profile,
        @JsonProperty("user") UserView user,
        @JsonProperty("workstation") MeWorkstation workstation) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.application = application;
        b.profile = profile;
        b.user = user;
        b.workstation = workstation;
        return b;
    }

    /** Builds {@link Me}. */
    public static final class Builder {
        private MeApplication application;
        private ProfileView profile;
        private UserView user;
        private MeWorkstation workstation;

        private Builder() {
        }

        /** The calling application; null for a person's token. (required, may be null) */
        public Builder application(MeApplication application) {
            this.application = application;
            return this;
        }

        /** Their profile; null when none was set yet. (required, may be null) */
        public Builder profile(ProfileView profile) {
            this.profile = profile;
            return this;
        }

        /** The user. (required) */
        public Builder user(UserView user) {
            this.user = user;
            return this;
        }

        /** The recognised workstation; null when none was recognised. (required, may be null) */
        public Builder workstation(MeWorkstation workstation) {
            this.workstation = workstation;
            return this;
        }

        public Me build() {
            Objects.requireNonNull(application, "application is required");
            Objects.requireNonNull(profile, "profile is required");
            Objects.requireNonNull(user, "user is required");
            Objects.requireNonNull(workstation, "workstation is required");
            return new Me(application, profile, user, workstation);
        }
    }
}
