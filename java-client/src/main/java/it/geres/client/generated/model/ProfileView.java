// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * What a user may do: sections, visure, rivestizione fields, scope, Comuni and quota.
 * <p>
 * @param allowedComuni ISTAT codes of the Comuni the user may work on (within the Ente's convenzioni). (required)
 * @param dailyQuota Lookups allowed per day; 0 allows none. (required)
 * @param rivestizioneFields Fields a rivestizione may return to the user. (required)
 * @param scope Whose records the user may search. (required)
 * @param sections Sections the user may look up. (required)
 * @param updatedAt When the profile was last changed. (format date-time, required)
 * @param updatedBy Who last changed the profile. (format uuid, required, may be null)
 * @param userId The user the profile belongs to. (format uuid, required)
 * @param visuraTypes Visure the user may request. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProfileView(
        @JsonProperty("allowedComuni") java.util.List<String> allowedComuni,
        @JsonProperty("dailyQuota") Integer dailyQuota,
        @JsonProperty("rivestizioneFields") java.util.List<RivestizioneField> rivestizioneFields,
        @JsonProperty("scope") SearchScope scope,
        @JsonProperty("sections") java.util.List<LookupSection> sections,
        @JsonProperty("updatedAt") String updatedAt,
        @JsonProperty("updatedBy") String updatedBy,
        @JsonProperty("userId") String userId,
        @JsonProperty("visuraTypes") java.util.List<VisuraType> visuraTypes) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.allowedComuni = allowedComuni;
        b.dailyQuota = dailyQuota;
        b.rivestizioneFields = rivestizioneFields;
        b.scope = scope;
        b.sections = sections;
        b.updatedAt = updatedAt;
        b.updatedBy = updatedBy;
        b.userId = userId;
        b.visuraTypes = visuraTypes;
        return b;
    }

    /** Builds {@link ProfileView}. */
    public static final class Builder {
        private java.util.List<String> allowedComuni;
        private Integer dailyQuota;
        private java.util.List<RivestizioneField> rivestizioneFields;
        private SearchScope scope;
        private java.util.List<LookupSection> sections;
        private String updatedAt;
        private String updatedBy;
        private String userId;
        private java.util.List<VisuraType> visuraTypes;

        private Builder() {
        }

        /** ISTAT codes of the Comuni the user may work on (within the Ente's convenzioni). (required) */
        public Builder allowedComuni(java.util.List<String> allowedComuni) {
            this.allowedComuni = allowedComuni;
            return this;
        }

        /** ISTAT codes of the Comuni the user may work on (within the Ente's convenzioni). (required) */
        public Builder allowedComuni(String... allowedComuni) {
            this.allowedComuni = java.util.List.of(allowedComuni);
            return this;
        }

        /** Lookups allowed per day; 0 allows none. (required) */
        public Builder dailyQuota(Integer dailyQuota) {
            this.dailyQuota = dailyQuota;
            return this;
        }

        /** Fields a rivestizione may return to the user. (required) */
        public Builder rivestizioneFields(java.util.List<RivestizioneField> rivestizioneFields) {
            this.rivestizioneFields = rivestizioneFields;
            return this;
        }

        /** Fields a rivestizione may return to the user. (required) */
        public Builder rivestizioneFields(RivestizioneField... rivestizioneFields) {
            this.rivestizioneFields = java.util.List.of(rivestizioneFields);
            return this;
        }

        /** Whose records the user may search. (required) */
        public Builder scope(SearchScope scope) {
            this.scope = scope;
            return this;
        }

        /** Sections the user may look up. (required) */
        public Builder sections(java.util.List<LookupSection> sections) {
            this.sections = sections;
            return this;
        }

        /** Sections the user may look up. (required) */
        public Builder sections(LookupSection... sections) {
            this.sections = java.util.List.of(sections);
            return this;
        }

        /** When the profile was last changed. (format date-time, required) */
        public Builder updatedAt(String updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /** Who last changed the profile. (format uuid, required, may be null) */
        public Builder updatedBy(String updatedBy) {
            this.updatedBy = updatedBy;
            return this;
        }

        /** The user the profile belongs to. (format uuid, required) */
        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        /** Visure the user may request. (required) */
        public Builder visuraTypes(java.util.List<VisuraType> visuraTypes) {
            this.visuraTypes = visuraTypes;
            return this;
        }

        /** Visure the user may request. (required) */
        public Builder visuraTypes(VisuraType... visuraTypes) {
            this.visuraTypes = java.util.List.of(visuraTypes);
            return this;
        }

        public ProfileView build() {
            Objects.requireNonNull(allowedComuni, "allowedComuni is required");
            Objects.requireNonNull(dailyQuota, "dailyQuota is required");
            Objects.requireNonNull(rivestizioneFields, "rivestizioneFields is required");
            Objects.requireNonNull(scope, "scope is required");
            Objects.requireNonNull(sections, "sections is required");
            Objects.requireNonNull(updatedAt, "updatedAt is required");
            Objects.requireNonNull(updatedBy, "updatedBy is required");
            Objects.requireNonNull(userId, "userId is required");
            Objects.requireNonNull(visuraTypes, "visuraTypes is required");
            return new ProfileView(allowedComuni, dailyQuota, rivestizioneFields, scope, sections, updatedAt, updatedBy, userId, visuraTypes);
        }
    }
}
