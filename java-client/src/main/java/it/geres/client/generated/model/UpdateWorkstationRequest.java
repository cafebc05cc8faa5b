// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The fields to change; the others stay as they are. Changing how the workstation is recognised (IP range, certificate) withdraws its authorisation until a TOP user authorises it again.
 * <p>
 * @param authorised Authorise or withdraw the authorisation (TOP users only).
 * @param certFingerprint SHA-256 fingerprint of its client certificate (hex, colons allowed).
 * @param ipRange IPv4 address or CIDR range it connects from.
 * @param label Label.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpdateWorkstationRequest(
        @JsonProperty("authorised") Boolean authorised,
        @JsonProperty("certFingerprint") String certFingerprint,
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
        b.certFingerprint = certFingerprint;
        b.ipRange = ipRange;
        b.label = label;
        return b;
    }

    /** Builds {@link UpdateWorkstationRequest}. */
    public static final class Builder {
        private Boolean authorised;
        private String certFingerprint;
        private String ipRange;
        private String label;

        private Builder() {
        }

        /** Authorise or withdraw the authorisation (TOP users only). */
        public Builder authorised(Boolean authorised) {
            this.authorised = authorised;
            return this;
        }

        /** SHA-256 fingerprint of its client certificate (hex, colons allowed). */
        public Builder certFingerprint(String certFingerprint) {
            this.certFingerprint = certFingerprint;
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
            return new UpdateWorkstationRequest(authorised, certFingerprint, ipRange, label);
        }
    }
}
