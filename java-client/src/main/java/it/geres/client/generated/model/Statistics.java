// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Lookups and visure in a period, within what the caller may monitor (R-STAT-1, R-VIS-11).
 * <p>
 * @param byDay By day (Europe/Rome). (required)
 * @param byEnte By Ente (key: Ente id; requests of a Comune's own TOP users under key "comune"). (required)
 * @param byOutcome By outcome (ok, not_found, denied, error). (required)
 * @param byPurpose By purpose (lookup, rivestizione, visura:&lt;type&gt;). (required)
 * @param byService By acting service (visure, rivestizione, console; "direct" for calls made without one). (required)
 * @param byUser By user (key: user id, label: username). (required)
 * @param from First day counted. (format date, required)
 * @param requests Requests that reached ANPR or were refused (intents not counted twice). (required)
 * @param subjects Distinct subjects (codici fiscali or idANPR) in the answers. (required)
 * @param to Last day counted. (format date, required)
 * @param visureByType Visure by type. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Statistics(
        @JsonProperty("byDay") java.util.List<CountItem> byDay,
        @JsonProperty("byEnte") java.util.List<CountItem> byEnte,
        @JsonProperty("byOutcome") java.util.List<CountItem> byOutcome,
        @JsonProperty("byPurpose") java.util.List<CountItem> byPurpose,
        @JsonProperty("byService") java.util.List<CountItem> byService,
        @JsonProperty("byUser") java.util.List<CountItem> byUser,
        @JsonProperty("from") String from,
        @JsonProperty("requests") Integer requests,
        @JsonProperty("subjects") Integer subjects,
        @JsonProperty("to") String to,
        @JsonProperty("visureByType") java.util.List<CountItem> visureByType) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.byDay = byDay;
        b.byEnte = byEnte;
        b.byOutcome = byOutcome;
        b.byPurpose = byPurpose;
        b.byService = byService;
        b.byUser = byUser;
        b.from = from;
        b.requests = requests;
        b.subjects = subjects;
        b.to = to;
        b.visureByType = visureByType;
        return b;
    }

    /** Builds {@link Statistics}. */
    public static final class Builder {
        private java.util.List<CountItem> byDay;
        private java.util.List<CountItem> byEnte;
        private java.util.List<CountItem> byOutcome;
        private java.util.List<CountItem> byPurpose;
        private java.util.List<CountItem> byService;
        private java.util.List<CountItem> byUser;
        private String from;
        private Integer requests;
        private Integer subjects;
        private String to;
        private java.util.List<CountItem> visureByType;

        private Builder() {
        }

        /** By day (Europe/Rome). (required) */
        public Builder byDay(java.util.List<CountItem> byDay) {
            this.byDay = byDay;
            return this;
        }

        /** By day (Europe/Rome). (required) */
        public Builder byDay(CountItem... byDay) {
            this.byDay = java.util.List.of(byDay);
            return this;
        }

        /** By Ente (key: Ente id; requests of a Comune's own TOP users under key "comune"). (required) */
        public Builder byEnte(java.util.List<CountItem> byEnte) {
            this.byEnte = byEnte;
            return this;
        }

        /** By Ente (key: Ente id; requests of a Comune's own TOP users under key "comune"). (required) */
        public Builder byEnte(CountItem... byEnte) {
            this.byEnte = java.util.List.of(byEnte);
            return this;
        }

        /** By outcome (ok, not_found, denied, error). (required) */
        public Builder byOutcome(java.util.List<CountItem> byOutcome) {
            this.byOutcome = byOutcome;
            return this;
        }

        /** By outcome (ok, not_found, denied, error). (required) */
        public Builder byOutcome(CountItem... byOutcome) {
            this.byOutcome = java.util.List.of(byOutcome);
            return this;
        }

        /** By purpose (lookup, rivestizione, visura:&lt;type&gt;). (required) */
        public Builder byPurpose(java.util.List<CountItem> byPurpose) {
            this.byPurpose = byPurpose;
            return this;
        }

        /** By purpose (lookup, rivestizione, visura:&lt;type&gt;). (required) */
        public Builder byPurpose(CountItem... byPurpose) {
            this.byPurpose = java.util.List.of(byPurpose);
            return this;
        }

        /** By acting service (visure, rivestizione, console; "direct" for calls made without one). (required) */
        public Builder byService(java.util.List<CountItem> byService) {
            this.byService = byService;
            return this;
        }

        /** By acting service (visure, rivestizione, console; "direct" for calls made without one). (required) */
        public Builder byService(CountItem... byService) {
            this.byService = java.util.List.of(byService);
            return this;
        }

        /** By user (key: user id, label: username). (required) */
        public Builder byUser(java.util.List<CountItem> byUser) {
            this.byUser = byUser;
            return this;
        }

        /** By user (key: user id, label: username). (required) */
        public Builder byUser(CountItem... byUser) {
            this.byUser = java.util.List.of(byUser);
            return this;
        }

        /** First day counted. (format date, required) */
        public Builder from(String from) {
            this.from = from;
            return this;
        }

        /** Requests that reached ANPR or were refused (intents not counted twice). (required) */
        public Builder requests(Integer requests) {
            this.requests = requests;
            return this;
        }

        /** Distinct subjects (codici fiscali or idANPR) in the answers. (required) */
        public Builder subjects(Integer subjects) {
            this.subjects = subjects;
            return this;
        }

        /** Last day counted. (format date, required) */
        public Builder to(String to) {
            this.to = to;
            return this;
        }

        /** Visure by type. (required) */
        public Builder visureByType(java.util.List<CountItem> visureByType) {
            this.visureByType = visureByType;
            return this;
        }

        /** Visure by type. (required) */
        public Builder visureByType(CountItem... visureByType) {
            this.visureByType = java.util.List.of(visureByType);
            return this;
        }

        public Statistics build() {
            Objects.requireNonNull(byDay, "byDay is required");
            Objects.requireNonNull(byEnte, "byEnte is required");
            Objects.requireNonNull(byOutcome, "byOutcome is required");
            Objects.requireNonNull(byPurpose, "byPurpose is required");
            Objects.requireNonNull(byService, "byService is required");
            Objects.requireNonNull(byUser, "byUser is required");
            Objects.requireNonNull(from, "from is required");
            Objects.requireNonNull(requests, "requests is required");
            Objects.requireNonNull(subjects, "subjects is required");
            Objects.requireNonNull(to, "to is required");
            Objects.requireNonNull(visureByType, "visureByType is required");
            return new Statistics(byDay, byEnte, byOutcome, byPurpose, byService, byUser, from, requests, subjects, to, visureByType);
        }
    }
}
