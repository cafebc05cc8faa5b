// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A broken link of a chain.
 * <p>
 * @param chainId The chain. (format uuid, required)
 * @param eventId The event that does not verify (for a missing tail, the last good one; null when the event or chain is gone). (required, may be null)
 * @param message Explanation. (required)
 * @param reason Why the chain breaks here. (required)
 * @param seq Its position in the chain. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChainBreakView(
        @JsonProperty("chainId") String chainId,
        @JsonProperty("eventId") String eventId,
        @JsonProperty("message") String message,
        @JsonProperty("reason") ChainBreakReason reason,
        @JsonProperty("seq") Integer seq) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.chainId = chainId;
        b.eventId = eventId;
        b.message = message;
        b.reason = reason;
        b.seq = seq;
        return b;
    }

    /** Builds {@link ChainBreakView}. */
    public static final class Builder {
        private String chainId;
        private String eventId;
        private String message;
        private ChainBreakReason reason;
        private Integer seq;

        private Builder() {
        }

        /** The chain. (format uuid, required) */
        public Builder chainId(String chainId) {
            this.chainId = chainId;
            return this;
        }

        /** The event that does not verify (for a missing tail, the last good one; null when the event or chain is gone). (required, may be null) */
        public Builder eventId(String eventId) {
            this.eventId = eventId;
            return this;
        }

        /** Explanation. (required) */
        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /** Why the chain breaks here. (required) */
        public Builder reason(ChainBreakReason reason) {
            this.reason = reason;
            return this;
        }

        /** Its position in the chain. (required) */
        public Builder seq(Integer seq) {
            this.seq = seq;
            return this;
        }

        public ChainBreakView build() {
            Objects.requireNonNull(chainId, "chainId is required");
            Objects.requireNonNull(eventId, "eventId is required");
            Objects.requireNonNull(message, "message is required");
            Objects.requireNonNull(reason, "reason is required");
            Objects.requireNonNull(seq, "seq is required");
            return new ChainBreakView(chainId, eventId, message, reason, seq);
        }
    }
}
