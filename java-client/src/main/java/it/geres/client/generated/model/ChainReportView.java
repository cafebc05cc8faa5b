// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The verification of one hash chain.
 * <p>
 * @param break_ The first of breaks; present when ok is false.
 * @param breaks Every broken link of the chain, in chain order (empty when ok). (required)
 * @param chainId The chain. (format uuid, required)
 * @param events Events checked. (required)
 * @param ok Every event verifies and the chain reaches its recorded head. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChainReportView(
        @JsonProperty("break") ChainBreakView break_,
        @JsonProperty("breaks") java.util.List<ChainBreakView> breaks,
        @JsonProperty("chainId") String chainId,
        @JsonProperty("events") Integer events,
        @JsonProperty("ok") Boolean ok) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.break_ = break_;
        b.breaks = breaks;
        b.chainId = chainId;
        b.events = events;
        b.ok = ok;
        return b;
    }

    /** Builds {@link ChainReportView}. */
    public static final class Builder {
        private ChainBreakView break_;
        private java.util.List<ChainBreakView> breaks;
        private String chainId;
        private Integer events;
        private Boolean ok;

        private Builder() {
        }

        /** The first of breaks; present when ok is false. */
        public Builder break_(ChainBreakView break_) {
            this.break_ = break_;
            return this;
        }

        /** Every broken link of the chain, in chain order (empty when ok). (required) */
        public Builder breaks(java.util.List<ChainBreakView> breaks) {
            this.breaks = breaks;
            return this;
        }

        /** Every broken link of the chain, in chain order (empty when ok). (required) */
        public Builder breaks(ChainBreakView... breaks) {
            this.breaks = java.util.List.of(breaks);
            return this;
        }

        /** The chain. (format uuid, required) */
        public Builder chainId(String chainId) {
            this.chainId = chainId;
            return this;
        }

        /** Events checked. (required) */
        public Builder events(Integer events) {
            this.events = events;
            return this;
        }

        /** Every event verifies and the chain reaches its recorded head. (required) */
        public Builder ok(Boolean ok) {
            this.ok = ok;
            return this;
        }

        public ChainReportView build() {
            Objects.requireNonNull(breaks, "breaks is required");
            Objects.requireNonNull(chainId, "chainId is required");
            Objects.requireNonNull(events, "events is required");
            Objects.requireNonNull(ok, "ok is required");
            return new ChainReportView(break_, breaks, chainId, events, ok);
        }
    }
}
