// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * @param codiceFiscale (required)
 * @param codiceLegame Tabella 5 (famiglia) or Tabella 6 (convivenza) (required)
 * @param cognome (required)
 * @param dataNascita (format date)
 * @param descrizioneLegame (required)
 * @param idANPR idANPR
 * @param nome (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComponenteFamiglia(
        @JsonProperty("codiceFiscale") String codiceFiscale,
        @JsonProperty("codiceLegame") String codiceLegame,
        @JsonProperty("cognome") String cognome,
        @JsonProperty("dataNascita") String dataNascita,
        @JsonProperty("descrizioneLegame") String descrizioneLegame,
        @JsonProperty("idANPR") String idANPR,
        @JsonProperty("nome") String nome) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.codiceFiscale = codiceFiscale;
        b.codiceLegame = codiceLegame;
        b.cognome = cognome;
        b.dataNascita = dataNascita;
        b.descrizioneLegame = descrizioneLegame;
        b.idANPR = idANPR;
        b.nome = nome;
        return b;
    }

    /** Builds {@link ComponenteFamiglia}. */
    public static final class Builder {
        private String codiceFiscale;
        private String codiceLegame;
        private String cognome;
        private String dataNascita;
        private String descrizioneLegame;
        private String idANPR;
        private String nome;

        private Builder() {
        }

        /** (required) */
        public Builder codiceFiscale(String codiceFiscale) {
            this.codiceFiscale = codiceFiscale;
            return this;
        }

        /** Tabella 5 (famiglia) or Tabella 6 (convivenza) (required) */
        public Builder codiceLegame(String codiceLegame) {
            this.codiceLegame = codiceLegame;
            return this;
        }

        /** (required) */
        public Builder cognome(String cognome) {
            this.cognome = cognome;
            return this;
        }

        /** (format date) */
        public Builder dataNascita(String dataNascita) {
            this.dataNascita = dataNascita;
            return this;
        }

        /** (required) */
        public Builder descrizioneLegame(String descrizioneLegame) {
            this.descrizioneLegame = descrizioneLegame;
            return this;
        }

        /** idANPR */
        public Builder idANPR(String idANPR) {
            this.idANPR = idANPR;
            return this;
        }

        /** (required) */
        public Builder nome(String nome) {
            this.nome = nome;
            return this;
        }

        public ComponenteFamiglia build() {
            Objects.requireNonNull(codiceFiscale, "codiceFiscale is required");
            Objects.requireNonNull(codiceLegame, "codiceLegame is required");
            Objects.requireNonNull(cognome, "cognome is required");
            Objects.requireNonNull(descrizioneLegame, "descrizioneLegame is required");
            Objects.requireNonNull(nome, "nome is required");
            return new ComponenteFamiglia(codiceFiscale, codiceLegame, cognome, dataNascita, descrizioneLegame, idANPR, nome);
        }
    }
}
