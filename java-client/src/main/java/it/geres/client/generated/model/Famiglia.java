// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * @param componenti (required)
 * @param idFamiglia idFamiglia
 * @param tipo 3 famiglia, 4 convivenza, 5 famiglia AIRE (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Famiglia(
        @JsonProperty("componenti") java.util.List<ComponenteFamiglia> componenti,
        @JsonProperty("idFamiglia") String idFamiglia,
        @JsonProperty("tipo") String tipo) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.componenti = componenti;
        b.idFamiglia = idFamiglia;
        b.tipo = tipo;
        return b;
    }

    /** Builds {@link Famiglia}. */
    public static final class Builder {
        private java.util.List<ComponenteFamiglia> componenti;
        private String idFamiglia;
        private String tipo;

        private Builder() {
        }

        /** (required) */
        public Builder componenti(java.util.List<ComponenteFamiglia> componenti) {
            this.componenti = componenti;
            return this;
        }

        /** (required) */
        public Builder componenti(ComponenteFamiglia... componenti) {
            this.componenti = java.util.List.of(componenti);
            return this;
        }

        /** idFamiglia */
        public Builder idFamiglia(String idFamiglia) {
            this.idFamiglia = idFamiglia;
            return this;
        }

        /** 3 famiglia, 4 convivenza, 5 famiglia AIRE (required) */
        public Builder tipo(String tipo) {
            this.tipo = tipo;
            return this;
        }

        public Famiglia build() {
            Objects.requireNonNull(componenti, "componenti is required");
            Objects.requireNonNull(tipo, "tipo is required");
            return new Famiglia(componenti, idFamiglia, tipo);
        }
    }
}
