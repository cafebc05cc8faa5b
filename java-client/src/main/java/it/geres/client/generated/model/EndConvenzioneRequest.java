// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A new, earlier last day of validity for a convenzione of the caller's Comune.
 * <p>
 * @param validTo New last day of validity: not after the current one, not before yesterday (the past is not rewritten) and not before the day before validFrom (that day withdraws a convenzione not yet in force). Today ends it tonight; yesterday ends it now. (format date, required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EndConvenzioneRequest(
        @JsonProperty("validTo") String validTo) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.validTo = validTo;
        return b;
    }

    /** Builds {@link EndConvenzioneRequest}. */
    public static final class Builder {
        private String validTo;

        private Builder() {
        }

        /** New last day of validity: not after the current one, not before yesterday (the past is not rewritten) and not before the day before validFrom (that day withdraws a convenzione not yet in force). Today ends it tonight; yesterday ends it now. (format date, required) */
        public Builder validTo(String validTo) {
            this.validTo = validTo;
            return this;
        }

        public EndConvenzioneRequest build() {
            Objects.requireNonNull(validTo, "validTo is required");
            return new EndConvenzioneRequest(validTo);
        }
    }
}
