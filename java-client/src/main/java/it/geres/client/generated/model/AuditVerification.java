// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The verification of the whole audit trail.
 * <p>
 * @param chains One report per chain. (required)
 * @param checkpoints Present when the gateway writes checkpoints and the file exists.
 * @param events Events checked over all chains. (required)
 * @param ok Every chain verifies. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuditVerification(
        @JsonProperty("chains") java.util.List<ChainReportView> chains,
        @JsonProperty("checkpoints") CheckpointCheckView checkpoints,
        @JsonProperty("events") Integer events,
        @JsonProperty("ok") Boolean ok) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.chains = chains;
        b.checkpoints = checkpoints;
        b.events = events;
        b.ok = ok;
        return b;
    }

    /** Builds {@link AuditVerification}. */
    public static final class Builder {
        private java.util.List<ChainReportView> chains;
        private CheckpointCheckView checkpoints;
        private Integer events;
        private Boolean ok;

        private Builder() {
        }

        /** One report per chain. (required) */
        public Builder chains(java.util.List<ChainReportView> chains) {
            this.chains = chains;
            return this;
        }

        /** One report per chain. (required) */
        public Builder chains(ChainReportView... chains) {
            this.chains = java.util.List.of(chains);
            return this;
        }

        /** Present when the gateway writes checkpoints and the file exists. */
        public Builder checkpoints(CheckpointCheckView checkpoints) {
            this.checkpoints = checkpoints;
            return this;
        }

        /** Events checked over all chains. (required) */
        public Builder events(Integer events) {
            this.events = events;
            return this;
        }

        /** Every chain verifies. (required) */
        public Builder ok(Boolean ok) {
            this.ok = ok;
            return this;
        }

        public AuditVerification build() {
            Objects.requireNonNull(chains, "chains is required");
            Objects.requireNonNull(events, "events is required");
            Objects.requireNonNull(ok, "ok is required");
            return new AuditVerification(chains, checkpoints, events, ok);
        }
    }
}
