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
 * @param actingService Under a delegation grant: the service acting for the user. (required, may be null)
 * @param application The calling application; null for a person's token. (required, may be null)
 * @param comuni The Comuni the caller works with today: their own (TOP), or those of their Ente's current convenzioni. (required)
 * @param ente The caller's Ente; null for a TOP user of a Comune. (required, may be null)
 * @param profile Their profile; null when none was set yet. (required, may be null)
 * @param user The user. (required)
 * @param workstation The recognised workstation; null when none was recognised. (required, may be null)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Me(
        @JsonProperty("actingService") String actingService,
        @JsonProperty("application") MeApplication application,
        @JsonProperty("comuni") java.util.List<MeComune> comuni,
        @JsonProperty("ente") MeEnte ente,
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
        b.actingService = actingService;
        b.application = application;
        b.comuni = comuni;
        b.ente = ente;
        b.profile = profile;
        b.user = user;
        b.workstation = workstation;
        return b;
    }

    /** Builds {@link Me}. */
    public static final class Builder {
        private String actingService;
        private MeApplication application;
        private java.util.List<MeComune> comuni;
        private MeEnte ente;
        private ProfileView profile;
        private UserView user;
        private MeWorkstation workstation;

        private Builder() {
        }

        /** Under a delegation grant: the service acting for the user. (required, may be null) */
        public Builder actingService(String actingService) {
            this.actingService = actingService;
            return this;
        }

        /** The calling application; null for a person's token. (required, may be null) */
        public Builder application(MeApplication application) {
            this.application = application;
            return this;
        }

        /** The Comuni the caller works with today: their own (TOP), or those of their Ente's current convenzioni. (required) */
        public Builder comuni(java.util.List<MeComune> comuni) {
            this.comuni = comuni;
            return this;
        }

        /** The Comuni the caller works with today: their own (TOP), or those of their Ente's current convenzioni. (required) */
        public Builder comuni(MeComune... comuni) {
            this.comuni = java.util.List.of(comuni);
            return this;
        }

        /** The caller's Ente; null for a TOP user of a Comune. (required, may be null) */
        public Builder ente(MeEnte ente) {
            this.ente = ente;
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
            Objects.requireNonNull(actingService, "actingService is required");
            Objects.requireNonNull(application, "application is required");
            Objects.requireNonNull(comuni, "comuni is required");
            Objects.requireNonNull(ente, "ente is required");
            Objects.requireNonNull(profile, "profile is required");
            Objects.requireNonNull(user, "user is required");
            Objects.requireNonNull(workstation, "workstation is required");
            return new Me(actingService, application, comuni, ente, profile, user, workstation);
        }
    }
}
