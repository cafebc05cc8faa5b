// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * @param denominazione (required)
 * @param specie Specie (Tabella 4) (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Toponimo(
        @JsonProperty("denominazione") String denominazione,
        @JsonProperty("specie") String specie) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.denominazione = denominazione;
        b.specie = specie;
        return b;
    }

    /** Builds {@link Toponimo}. */
    public static final class Builder {
        private String denominazione;
        private String specie;

        private Builder() {
        }

        /** (required) */
        public Builder denominazione(String denominazione) {
            this.denominazione = denominazione;
            return this;
        }

        /** Specie (Tabella 4) (required) */
        public Builder specie(String specie) {
            this.specie = specie;
            return this;
        }

        public Toponimo build() {
            Objects.requireNonNull(denominazione, "denominazione is required");
            Objects.requireNonNull(specie, "specie is required");
            return new Toponimo(denominazione, specie);
        }
    }
}
