// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * An agreement of an Ente with the caller's Comune.
 * <p>
 * @param reference Protocol number or other reference of the agreement.
 * @param validFrom First day of validity. (format date, required)
 * @param validTo Last day of validity, not before validFrom; leave out for an open-ended agreement. (format date)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConvenzioneInput(
        @JsonProperty("reference") String reference,
        @JsonProperty("validFrom") String validFrom,
        @JsonProperty("validTo") String validTo) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.reference = reference;
        b.validFrom = validFrom;
        b.validTo = validTo;
        return b;
    }

    /** Builds {@link ConvenzioneInput}. */
    public static final class Builder {
        private String reference;
        private String validFrom;
        private String validTo;

        private Builder() {
        }

        /** Protocol number or other reference of the agreement. */
        public Builder reference(String reference) {
            this.reference = reference;
            return this;
        }

        /** First day of validity. (format date, required) */
        public Builder validFrom(String validFrom) {
            this.validFrom = validFrom;
            return this;
        }

        /** Last day of validity, not before validFrom; leave out for an open-ended agreement. (format date) */
        public Builder validTo(String validTo) {
            this.validTo = validTo;
            return this;
        }

        public ConvenzioneInput build() {
            Objects.requireNonNull(validFrom, "validFrom is required");
            return new ConvenzioneInput(reference, validFrom, validTo);
        }
    }
}
