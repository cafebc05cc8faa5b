// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A newly registered workstation and, when asked for, its device token.
 * <p>
 * @param authorised Authorised by a TOP user of the Comune. (required)
 * @param certFingerprint SHA-256 fingerprint (hex) of its client certificate. (required, may be null)
 * @param code ANPR IdPostazione, as sent in X-GeRes-Workstation. (required)
 * @param createdAt When it was registered. (format date-time, required)
 * @param deviceToken The device token, when <code>issueDeviceToken</code> was true. Shown this once: install it on the workstation now.
 * @param enteId The Ente the workstation belongs to. (format uuid, required)
 * @param hasDeviceToken A device token was issued for it. (required)
 * @param id Id of the workstation. (format uuid, required)
 * @param ipRange IPv4 range it connects from. (required, may be null)
 * @param label Label. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkstationCreated(
        @JsonProperty("authorised") Boolean authorised,
        @JsonProperty("certFingerprint") String certFingerprint,
        @JsonProperty("code") String code,
        @JsonProperty("createdAt") String createdAt,
        @JsonProperty("deviceToken") String deviceToken,
        @JsonProperty("enteId") String enteId,
        @JsonProperty("hasDeviceToken") Boolean hasDeviceToken,
        @JsonProperty("id") String id,
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
        b.code = code;
        b.createdAt = createdAt;
        b.deviceToken = deviceToken;
        b.enteId = enteId;
        b.hasDeviceToken = hasDeviceToken;
        b.id = id;
        b.ipRange = ipRange;
        b.label = label;
        return b;
    }

    /** Builds {@link WorkstationCreated}. */
    public static final class Builder {
        private Boolean authorised;
        private String certFingerprint;
        private String code;
        private String createdAt;
        private String deviceToken;
        private String enteId;
        private Boolean hasDeviceToken;
        private String id;
        private String ipRange;
        private String label;

        private Builder() {
        }

        /** Authorised by a TOP user of the Comune. (required) */
        public Builder authorised(Boolean authorised) {
            this.authorised = authorised;
            return this;
        }

        /** SHA-256 fingerprint (hex) of its client certificate. (required, may be null) */
        public Builder certFingerprint(String certFingerprint) {
            this.certFingerprint = certFingerprint;
            return this;
        }

        /** ANPR IdPostazione, as sent in X-GeRes-Workstation. (required) */
        public Builder code(String code) {
            this.code = code;
            return this;
        }

        /** When it was registered. (format date-time, required) */
        public Builder createdAt(String createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** The device token, when <code>issueDeviceToken</code> was true. Shown this once: install it on the workstation now. */
        public Builder deviceToken(String deviceToken) {
            this.deviceToken = deviceToken;
            return this;
        }

        /** The Ente the workstation belongs to. (format uuid, required) */
        public Builder enteId(String enteId) {
            this.enteId = enteId;
            return this;
        }

        /** A device token was issued for it. (required) */
        public Builder hasDeviceToken(Boolean hasDeviceToken) {
            this.hasDeviceToken = hasDeviceToken;
            return this;
        }

        /** Id of the workstation. (format uuid, required) */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** IPv4 range it connects from. (required, may be null) */
        public Builder ipRange(String ipRange) {
            this.ipRange = ipRange;
            return this;
        }

        /** Label. (required) */
        public Builder label(String label) {
            this.label = label;
            return this;
        }

        public WorkstationCreated build() {
            Objects.requireNonNull(authorised, "authorised is required");
            Objects.requireNonNull(certFingerprint, "certFingerprint is required");
            Objects.requireNonNull(code, "code is required");
            Objects.requireNonNull(createdAt, "createdAt is required");
            Objects.requireNonNull(enteId, "enteId is required");
            Objects.requireNonNull(hasDeviceToken, "hasDeviceToken is required");
            Objects.requireNonNull(id, "id is required");
            Objects.requireNonNull(ipRange, "ipRange is required");
            Objects.requireNonNull(label, "label is required");
            return new WorkstationCreated(authorised, certFingerprint, code, createdAt, deviceToken, enteId, hasDeviceToken, id, ipRange, label);
        }
    }
}
