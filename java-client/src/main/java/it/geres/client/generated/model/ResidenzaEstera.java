// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * @param codiceStato (required)
 * @param consolato Consular office
 * @param descrizioneStato (required)
 * @param indirizzo indirizzo
 * @param localita localita
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResidenzaEstera(
        @JsonProperty("codiceStato") String codiceStato,
        @JsonProperty("consolato") String consolato,
        @JsonProperty("descrizioneStato") String descrizioneStato,
        @JsonProperty("indirizzo") String indirizzo,
        @JsonProperty("localita") String localita) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.codiceStato = codiceStato;
        b.consolato = consolato;
        b.descrizioneStato = descrizioneStato;
        b.indirizzo = indirizzo;
        b.localita = localita;
        return b;
    }

    /** Builds {@link ResidenzaEstera}. */
    public static final class Builder {
        private String codiceStato;
        private String consolato;
        private String descrizioneStato;
        private String indirizzo;
        private String localita;

        private Builder() {
        }

        /** (required) */
        public Builder codiceStato(String codiceStato) {
            this.codiceStato = codiceStato;
            return this;
        }

        /** Consular office */
        public Builder consolato(String consolato) {
            this.consolato = consolato;
            return this;
        }

        /** (required) */
        public Builder descrizioneStato(String descrizioneStato) {
            this.descrizioneStato = descrizioneStato;
            return this;
        }

        /** indirizzo */
        public Builder indirizzo(String indirizzo) {
            this.indirizzo = indirizzo;
            return this;
        }

        /** localita */
        public Builder localita(String localita) {
            this.localita = localita;
            return this;
        }

        public ResidenzaEstera build() {
            Objects.requireNonNull(codiceStato, "codiceStato is required");
            Objects.requireNonNull(descrizioneStato, "descrizioneStato is required");
            return new ResidenzaEstera(codiceStato, consolato, descrizioneStato, indirizzo, localita);
        }
    }
}
