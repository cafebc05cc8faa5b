// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * @param codiceFiscale (required)
 * @param cognome (required)
 * @param dataNascita (format date, required)
 * @param luogoNascita (required)
 * @param nome (required)
 * @param sesso (required)
 * @param soggettoAIRE Registered in AIRE (Italian citizen resident abroad)
 * @param validitaCF Validation of the codice fiscale by Agenzia delle Entrate: 1 validated, 9 not validated
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Generalita(
        @JsonProperty("codiceFiscale") String codiceFiscale,
        @JsonProperty("cognome") String cognome,
        @JsonProperty("dataNascita") String dataNascita,
        @JsonProperty("luogoNascita") Luogo luogoNascita,
        @JsonProperty("nome") String nome,
        @JsonProperty("sesso") Sesso sesso,
        @JsonProperty("soggettoAIRE") Boolean soggettoAIRE,
        @JsonProperty("validitaCF") String validitaCF) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.codiceFiscale = codiceFiscale;
        b.cognome = cognome;
        b.dataNascita = dataNascita;
        b.luogoNascita = luogoNascita;
        b.nome = nome;
        b.sesso = sesso;
        b.soggettoAIRE = soggettoAIRE;
        b.validitaCF = validitaCF;
        return b;
    }

    /**
     *
     */
    public static enum Sesso {
        @JsonProperty("M")
        M("M"),

        @JsonProperty("F")
        F("F"),

        @JsonProperty("N")
        N("N");

        private final String value;

        Sesso(String value) {
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
        public static Sesso fromValue(String value) {
            for (Sesso candidate : values()) {
                if (candidate.value.equals(value)) {
                    return candidate;
                }
            }
            return null;
        }
    }

    /** Builds {@link Generalita}. */
    public static final class Builder {
        private String codiceFiscale;
        private String cognome;
        private String dataNascita;
        private Luogo luogoNascita;
        private String nome;
        private Sesso sesso;
        private Boolean soggettoAIRE;
        private String validitaCF;

        private Builder() {
        }

        /** (required) */
        public Builder codiceFiscale(String codiceFiscale) {
            this.codiceFiscale = codiceFiscale;
            return this;
        }

        /** (required) */
        public Builder cognome(String cognome) {
            this.cognome = cognome;
            return this;
        }

        /** (format date, required) */
        public Builder dataNascita(String dataNascita) {
            this.dataNascita = dataNascita;
            return this;
        }

        /** (required) */
        public Builder luogoNascita(Luogo luogoNascita) {
            this.luogoNascita = luogoNascita;
            return this;
        }

        /** (required) */
        public Builder nome(String nome) {
            this.nome = nome;
            return this;
        }

        /** (required) */
        public Builder sesso(Sesso sesso) {
            this.sesso = sesso;
            return this;
        }

        /** Registered in AIRE (Italian citizen resident abroad) */
        public Builder soggettoAIRE(Boolean soggettoAIRE) {
            this.soggettoAIRE = soggettoAIRE;
            return this;
        }

        /** Validation of the codice fiscale by Agenzia delle Entrate: 1 validated, 9 not validated */
        public Builder validitaCF(String validitaCF) {
            this.validitaCF = validitaCF;
            return this;
        }

        public Generalita build() {
            Objects.requireNonNull(codiceFiscale, "codiceFiscale is required");
            Objects.requireNonNull(cognome, "cognome is required");
            Objects.requireNonNull(dataNascita, "dataNascita is required");
            Objects.requireNonNull(luogoNascita, "luogoNascita is required");
            Objects.requireNonNull(nome, "nome is required");
            Objects.requireNonNull(sesso, "sesso is required");
            return new Generalita(codiceFiscale, cognome, dataNascita, luogoNascita, nome, sesso, soggettoAIRE, validitaCF);
        }
    }
}
