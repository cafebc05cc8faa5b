// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * @param codiceFiscale codiceFiscale
 * @param cognome (required)
 * @param nome (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Coniuge(
        @JsonProperty("codiceFiscale") String codiceFiscale,
        @JsonProperty("cognome") String cognome,
        @JsonProperty("nome") String nome) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.codiceFiscale = codiceFiscale;
        b.cognome = cognome;
        b.nome = nome;
        return b;
    }

    /** Builds {@link Coniuge}. */
    public static final class Builder {
        private String codiceFiscale;
        private String cognome;
        private String nome;

        private Builder() {
        }

        /** codiceFiscale */
        public Builder codiceFiscale(String codiceFiscale) {
            this.codiceFiscale = codiceFiscale;
            return this;
        }

        /** (required) */
        public Builder cognome(String cognome) {
            this.cognome = cognome;
            return this;
        }

        /** (required) */
        public Builder nome(String nome) {
            this.nome = nome;
            return this;
        }

        public Coniuge build() {
            Objects.requireNonNull(cognome, "cognome is required");
            Objects.requireNonNull(nome, "nome is required");
            return new Coniuge(codiceFiscale, cognome, nome);
        }
    }
}
