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
 * @param authorised Authorise or withdraw the authorisation (TOP users only).
 * @param ipRange IPv4 address or CIDR range it connects from.
 * @param label Label.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpdateWorkstationRequest(
        @JsonProperty("authorised") Boolean authorised,
        @JsonProperty("ipRange") String ipRange,
        @JsonProperty("label") String label) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.authorised = authorised;
        b.ipRange = ipRange;
        b.label = label;
        return b;
    }

    /** Builds {@link UpdateWorkstationRequest}. */
    public static final class Builder {
        private Boolean authorised;
        private String ipRange;
        private String label;

        private Builder() {
        }

        /** Authorise or withdraw the authorisation (TOP users only). */
        public Builder authorised(Boolean authorised) {
            this.authorised = authorised;
            return this;
        }

        /** IPv4 address or CIDR range it connects from. */
        public Builder ipRange(String ipRange) {
            this.ipRange = ipRange;
            return this;
        }

        /** Label. */
        public Builder label(String label) {
            this.label = label;
            return this;
        }

        public UpdateWorkstationRequest build() {
            return new UpdateWorkstationRequest(authorised, ipRange, label);
        }
    }
}
