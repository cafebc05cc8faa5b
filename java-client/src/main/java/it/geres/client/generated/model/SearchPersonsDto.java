// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * @param asOf As-of date (dataRiferimentoRichiesta); default today (format date)
 * @param comune ISTAT code of the Comune the request concerns: its ANPR credentials are used (required)
 * @param criterion The search criterion (required)
 * @param motivoRichiesta Reason for the request: case or protocol number (motivoRichiesta) (required)
 * @param purpose What the data is for (default "lookup")
 * @param sections Sections wanted; each must be allowed by your profile (required)
 * @param visuraType With purpose visura: the visura type, which your profile must allow
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SearchPersonsDto(
        @JsonProperty("asOf") String asOf,
        @JsonProperty("comune") String comune,
        @JsonProperty("criterion") CriterionDto criterion,
        @JsonProperty("motivoRichiesta") String motivoRichiesta,
        @JsonProperty("purpose") Purpose purpose,
        @JsonProperty("sections") java.util.List<LookupSection> sections,
        @JsonProperty("visuraType") VisuraType visuraType) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.asOf = asOf;
        b.comune = comune;
        b.criterion = criterion;
        b.motivoRichiesta = motivoRichiesta;
        b.purpose = purpose;
        b.sections = sections;
        b.visuraType = visuraType;
        return b;
    }

    /**
     * What the data is for
     */
    public static enum Purpose {
        @JsonProperty("lookup")
        LOOKUP("lookup"),

        @JsonProperty("visura")
        VISURA("visura"),

        @JsonProperty("rivestizione")
        RIVESTIZIONE("rivestizione");

        private final String value;

        Purpose(String value) {
            this.value = value;
        }

        /** The value on the wire. */
        public String value() {
            return value;
        }

        /** The value on the wire, so that query parameters carry it. */
        @Override
        public String toString() {
            return value;
        }

        /** The constant for a wire value; {@code null} for a value this client does not know. */
        public static Purpose fromValue(String value) {
            for (Purpose candidate : values()) {
                if (candidate.value.equals(value)) {
                    return candidate;
                }
            }
            return null;
        }
    }

    /** Builds {@link SearchPersonsDto}. */
    public static final class Builder {
        private String asOf;
        private String comune;
        private CriterionDto criterion;
        private String motivoRichiesta;
        private Purpose purpose;
        private java.util.List<LookupSection> sections;
        private VisuraType visuraType;

        private Builder() {
        }

        /** As-of date (dataRiferimentoRichiesta); default today (format date) */
        public Builder asOf(String asOf) {
            this.asOf = asOf;
            return this;
        }

        /** ISTAT code of the Comune the request concerns: its ANPR credentials are used (required) */
        public Builder comune(String comune) {
            this.comune = comune;
            return this;
        }

        /** The search criterion (required) */
        public Builder criterion(CriterionDto criterion) {
            this.criterion = criterion;
            return this;
        }

        /** Reason for the request: case or protocol number (motivoRichiesta) (required) */
        public Builder motivoRichiesta(String motivoRichiesta) {
            this.motivoRichiesta = motivoRichiesta;
            return this;
        }

        /** What the data is for (default "lookup") */
        public Builder purpose(Purpose purpose) {
            this.purpose = purpose;
            return this;
        }

        /** Sections wanted; each must be allowed by your profile (required) */
        public Builder sections(java.util.List<LookupSection> sections) {
            this.sections = sections;
            return this;
        }

        /** Sections wanted; each must be allowed by your profile (required) */
        public Builder sections(LookupSection... sections) {
            this.sections = java.util.List.of(sections);
            return this;
        }

        /** With purpose visura: the visura type, which your profile must allow */
        public Builder visuraType(VisuraType visuraType) {
            this.visuraType = visuraType;
            return this;
        }

        public SearchPersonsDto build() {
            Objects.requireNonNull(comune, "comune is required");
            Objects.requireNonNull(criterion, "criterion is required");
            Objects.requireNonNull(motivoRichiesta, "motivoRichiesta is required");
            Objects.requireNonNull(sections, "sections is required");
            return new SearchPersonsDto(asOf, comune, criterion, motivoRichiesta, purpose, sections, visuraType);
        }
    }
}
