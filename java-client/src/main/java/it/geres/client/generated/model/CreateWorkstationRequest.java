// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A workstation to register (not yet authorised).
 * <p>
 * @param certFingerprint SHA-256 fingerprint of its client certificate (hex, colons allowed).
 * @param code ANPR IdPostazione: 3-40 letters, digits or dashes; unique. (required)
 * @param enteId The Ente it belongs to, in the caller's area. (format uuid, required)
 * @param ipRange IPv4 address or CIDR range it connects from.
 * @param issueDeviceToken Issue a device token, returned once in the response. (default false)
 * @param label Label. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateWorkstationRequest(
        @JsonProperty("certFingerprint") String certFingerprint,
        @JsonProperty("code") String code,
        @JsonProperty("enteId") String enteId,
        @JsonProperty("ipRange") String ipRange,
        @JsonProperty("issueDeviceToken") Boolean issueDeviceToken,
        @JsonProperty("label") String label) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.certFingerprint = certFingerprint;
        b.code = code;
        b.enteId = enteId;
        b.ipRange = ipRange;
        b.issueDeviceToken = issueDeviceToken;
        b.label = label;
        return b;
    }

    /** Builds {@link CreateWorkstationRequest}. */
    public static final class Builder {
        private String certFingerprint;
        private String code;
        private String enteId;
        private String ipRange;
        private Boolean issueDeviceToken;
        private String label;

        private Builder() {
        }

        /** SHA-256 fingerprint of its client certificate (hex, colons allowed). */
        public Builder certFingerprint(String certFingerprint) {
            this.certFingerprint = certFingerprint;
            return this;
        }

        /** ANPR IdPostazione: 3-40 letters, digits or dashes; unique. (required) */
        public Builder code(String code) {
            this.code = code;
            return this;
        }

        /** The Ente it belongs to, in the caller's area. (format uuid, required) */
        public Builder enteId(String enteId) {
            this.enteId = enteId;
            return this;
        }

        /** IPv4 address or CIDR range it connects from. */
        public Builder ipRange(String ipRange) {
            this.ipRange = ipRange;
            return this;
        }

        /** Issue a device token, returned once in the response. (default false) */
        public Builder issueDeviceToken(Boolean issueDeviceToken) {
            this.issueDeviceToken = issueDeviceToken;
            return this;
        }

        /** Label. (required) */
        public Builder label(String label) {
            this.label = label;
            return this;
        }

        public CreateWorkstationRequest build() {
            Objects.requireNonNull(code, "code is required");
            Objects.requireNonNull(enteId, "enteId is required");
            Objects.requireNonNull(label, "label is required");
            return new CreateWorkstationRequest(certFingerprint, code, enteId, ipRange, issueDeviceToken, label);
        }
    }
}
