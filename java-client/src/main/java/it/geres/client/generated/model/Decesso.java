// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * @param data (format date, required)
 * @param luogo luogo
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Decesso(
        @JsonProperty("data") String data,
        @JsonProperty("luogo") Luogo luogo) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.data = data;
        b.luogo = luogo;
        return b;
    }

    /** Builds {@link Decesso}. */
    public static final class Builder {
        private String data;
        private Luogo luogo;

        private Builder() {
        }

        /** (format date, required) */
        public Builder data(String data) {
            this.data = data;
            return this;
        }

        /** luogo */
        public Builder luogo(Luogo luogo) {
            this.luogo = luogo;
            return this;
        }

        public Decesso build() {
            Objects.requireNonNull(data, "data is required");
            return new Decesso(data, luogo);
        }
    }
}
