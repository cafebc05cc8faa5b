// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Where an event sits in its hash chain.
 * <p>
 * @param id The chain (one per gateway instance). (format uuid, required)
 * @param seq Position in the chain, from 1, without gaps. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuditChainPosition(
        @JsonProperty("id") String id,
        @JsonProperty("seq") Integer seq) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.seq = seq;
        return b;
    }

    /** Builds {@link AuditChainPosition}. */
    public static final class Builder {
        private String id;
        private Integer seq;

        private Builder() {
        }

        /** The chain (one per gateway instance). (format uuid, required) */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Position in the chain, from 1, without gaps. (required) */
        public Builder seq(Integer seq) {
            this.seq = seq;
            return this;
        }

        public AuditChainPosition build() {
            Objects.requireNonNull(id, "id is required");
            Objects.requireNonNull(seq, "seq is required");
            return new AuditChainPosition(id, seq);
        }
    }
}
