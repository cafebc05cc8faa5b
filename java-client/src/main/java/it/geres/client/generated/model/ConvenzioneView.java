// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * An agreement between an Ente and a Comune, valid between two dates.
 * <p>
 * @param comune ISTAT code of the Comune. (required)
 * @param comuneNome Name of the Comune. (required)
 * @param id Id of the convenzione. (format uuid, required)
 * @param reference Protocol number or other reference of the agreement. (required, may be null)
 * @param validFrom First day of validity. (format date, required)
 * @param validTo Last day of validity; null when open-ended. (format date, required, may be null)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConvenzioneView(
        @JsonProperty("comune") String comune,
        @JsonProperty("comuneNome") String comuneNome,
        @JsonProperty("id") String id,
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
        b.comune = comune;
        b.comuneNome = comuneNome;
        b.id = id;
        b.reference = reference;
        b.validFrom = validFrom;
        b.validTo = validTo;
        return b;
    }

    /** Builds {@link ConvenzioneView}. */
    public static final class Builder {
        private String comune;
        private String comuneNome;
        private String id;
        private String reference;
        private String validFrom;
        private String validTo;

        private Builder() {
        }

        /** ISTAT code of the Comune. (required) */
        public Builder comune(String comune) {
            this.comune = comune;
            return this;
        }

        /** Name of the Comune. (required) */
        public Builder comuneNome(String comuneNome) {
            this.comuneNome = comuneNome;
            return this;
        }

        /** Id of the convenzione. (format uuid, required) */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Protocol number or other reference of the agreement. (required, may be null) */
        public Builder reference(String reference) {
            this.reference = reference;
            return this;
        }

        /** First day of validity. (format date, required) */
        public Builder validFrom(String validFrom) {
            this.validFrom = validFrom;
            return this;
        }

        /** Last day of validity; null when open-ended. (format date, required, may be null) */
        public Builder validTo(String validTo) {
            this.validTo = validTo;
            return this;
        }

        public ConvenzioneView build() {
            Objects.requireNonNull(comune, "comune is required");
            Objects.requireNonNull(comuneNome, "comuneNome is required");
            Objects.requireNonNull(id, "id is required");
            Objects.requireNonNull(reference, "reference is required");
            Objects.requireNonNull(validFrom, "validFrom is required");
            Objects.requireNonNull(validTo, "validTo is required");
            return new ConvenzioneView(comune, comuneNome, id, reference, validFrom, validTo);
        }
    }
}
