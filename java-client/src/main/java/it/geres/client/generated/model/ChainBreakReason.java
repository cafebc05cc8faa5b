// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Why a hash chain does not verify: an event was modified, does not link to the one before, events were deleted, the end was removed, or the chain has no (or another) recorded head; against the checkpoints: a checkpointed chain is gone, events it recorded are gone, the chain differs from what it recorded, or a checkpoint line fails its signature.
 */
public enum ChainBreakReason {
    @JsonProperty("hash_mismatch")
    HASH_MISMATCH("hash_mismatch"),

    @JsonProperty("prev_hash_mismatch")
    PREV_HASH_MISMATCH("prev_hash_mismatch"),

    @JsonProperty("sequence_gap")
    SEQUENCE_GAP("sequence_gap"),

    @JsonProperty("missing_tail")
    MISSING_TAIL("missing_tail"),

    @JsonProperty("head_mismatch")
    HEAD_MISMATCH("head_mismatch"),

    @JsonProperty("checkpoint_chain_missing")
    CHECKPOINT_CHAIN_MISSING("checkpoint_chain_missing"),

    @JsonProperty("checkpoint_events_missing")
    CHECKPOINT_EVENTS_MISSING("checkpoint_events_missing"),

    @JsonProperty("checkpoint_hash_mismatch")
    CHECKPOINT_HASH_MISMATCH("checkpoint_hash_mismatch"),

    @JsonProperty("checkpoint_bad_signature")
    CHECKPOINT_BAD_SIGNATURE("checkpoint_bad_signature");

    private final String value;

    ChainBreakReason(String value) {
        this.value = value;
    }

    /** The value on the wire. */
    public String value() {
        return value;
    }

    /** The value on the wire, so that query parameters carry it. */
    @Override
    public String toString() {
        return value;
    }

    /** The constant for a wire value; {@code null} for a value this client does not know. */
    public static ChainBreakReason fromValue(String value) {
        for (ChainBreakReason candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        return null;
    }
}
