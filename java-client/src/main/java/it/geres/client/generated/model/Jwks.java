// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The JSON Web Key Set of the keys that sign GeRes access tokens.
 * <p>
 * @param keys (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Jwks(
        @JsonProperty("keys") java.util.List<Jwk> keys) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.keys = keys;
        return b;
    }

    /** Builds {@link Jwks}. */
    public static final class Builder {
        private java.util.List<Jwk> keys;

        private Builder() {
        }

        /** (required) */
        public Builder keys(java.util.List<Jwk> keys) {
            this.keys = keys;
            return this;
        }

        /** (required) */
        public Builder keys(Jwk... keys) {
            this.keys = java.util.List.of(keys);
            return this;
        }

        public Jwks build() {
            Objects.requireNonNull(keys, "keys is required");
            return new Jwks(keys);
        }
    }
}
