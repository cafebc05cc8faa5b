// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * @param dataDecorrenza (format date)
 * @param dataFine End date, for historical entries (format date)
 * @param indirizzo indirizzo
 * @param localitaEstera localitaEstera
 * @param presso "Presso" (care of)
 * @param tipoIndirizzo Tabella 25: 1 residenza, 4 residenza estera, 7 ultima residenza italiana… (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Residenza(
        @JsonProperty("dataDecorrenza") String dataDecorrenza,
        @JsonProperty("dataFine") String dataFine,
        @JsonProperty("indirizzo") Indirizzo indirizzo,
        @JsonProperty("localitaEstera") ResidenzaEstera localitaEstera,
        @JsonProperty("presso") String presso,
        @JsonProperty("tipoIndirizzo") String tipoIndirizzo) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.dataDecorrenza = dataDecorrenza;
        b.dataFine = dataFine;
        b.indirizzo = indirizzo;
        b.localitaEstera = localitaEstera;
        b.presso = presso;
        b.tipoIndirizzo = tipoIndirizzo;
        return b;
    }

    /** Builds {@link Residenza}. */
    public static final class Builder {
        private String dataDecorrenza;
        private String dataFine;
        private Indirizzo indirizzo;
        private ResidenzaEstera localitaEstera;
        private String presso;
        private String tipoIndirizzo;

        private Builder() {
        }

        /** (format date) */
        public Builder dataDecorrenza(String dataDecorrenza) {
            this.dataDecorrenza = dataDecorrenza;
            return this;
        }

        /** End date, for historical entries (format date) */
        public Builder dataFine(String dataFine) {
            this.dataFine = dataFine;
            return this;
        }

        /** indirizzo */
        public Builder indirizzo(Indirizzo indirizzo) {
            this.indirizzo = indirizzo;
            return this;
        }

        /** localitaEstera */
        public Builder localitaEstera(ResidenzaEstera localitaEstera) {
            this.localitaEstera = localitaEstera;
            return this;
        }

        /** "Presso" (care of) */
        public Builder presso(String presso) {
            this.presso = presso;
            return this;
        }

        /** Tabella 25: 1 residenza, 4 residenza estera, 7 ultima residenza italiana… (required) */
        public Builder tipoIndirizzo(String tipoIndirizzo) {
            this.tipoIndirizzo = tipoIndirizzo;
            return this;
        }

        public Residenza build() {
            Objects.requireNonNull(tipoIndirizzo, "tipoIndirizzo is required");
            return new Residenza(dataDecorrenza, dataFine, indirizzo, localitaEstera, presso, tipoIndirizzo);
        }
    }
}
