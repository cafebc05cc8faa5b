// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * @param anprOperationId ANPR's id of the operation (idOperazioneANPR), recorded in the audit trail (required)
 * @param asOf As-of date of the answer (format date, required)
 * @param comune ISTAT code of the Comune whose credentials were used (required)
 * @param persons The subjects found, with the sections granted (required)
 * @param requestId The request id, also in X-Request-Id (required)
 * @param warnings (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PersonSearchResult(
        @JsonProperty("anprOperationId") String anprOperationId,
        @JsonProperty("asOf") String asOf,
        @JsonProperty("comune") String comune,
        @JsonProperty("persons") java.util.List<Person> persons,
        @JsonProperty("requestId") String requestId,
        @JsonProperty("warnings") java.util.List<AnprWarning> warnings) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.anprOperationId = anprOperationId;
        b.asOf = asOf;
        b.comune = comune;
        b.persons = persons;
        b.requestId = requestId;
        b.warnings = warnings;
        return b;
    }

    /** Builds {@link PersonSearchResult}. */
    public static final class Builder {
        private String anprOperationId;
        private String asOf;
        private String comune;
        private java.util.List<Person> persons;
        private String requestId;
        private java.util.List<AnprWarning> warnings;

        private Builder() {
        }

        /** ANPR's id of the operation (idOperazioneANPR), recorded in the audit trail (required) */
        public Builder anprOperationId(String anprOperationId) {
            this.anprOperationId = anprOperationId;
            return this;
        }

        /** As-of date of the answer (format date, required) */
        public Builder asOf(String asOf) {
            this.asOf = asOf;
            return this;
        }

        /** ISTAT code of the Comune whose credentials were used (required) */
        public Builder comune(String comune) {
            this.comune = comune;
            return this;
        }

        /** The subjects found, with the sections granted (required) */
        public Builder persons(java.util.List<Person> persons) {
            this.persons = persons;
            return this;
        }

        /** The subjects found, with the sections granted (required) */
        public Builder persons(Person... persons) {
            this.persons = java.util.List.of(persons);
            return this;
        }

        /** The request id, also in X-Request-Id (required) */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /** (required) */
        public Builder warnings(java.util.List<AnprWarning> warnings) {
            this.warnings = warnings;
            return this;
        }

        /** (required) */
        public Builder warnings(AnprWarning... warnings) {
            this.warnings = java.util.List.of(warnings);
            return this;
        }

        public PersonSearchResult build() {
            Objects.requireNonNull(anprOperationId, "anprOperationId is required");
            Objects.requireNonNull(asOf, "asOf is required");
            Objects.requireNonNull(comune, "comune is required");
            Objects.requireNonNull(persons, "persons is required");
            Objects.requireNonNull(requestId, "requestId is required");
            Objects.requireNonNull(warnings, "warnings is required");
            return new PersonSearchResult(anprOperationId, asOf, comune, persons, requestId, warnings);
        }
    }
}
