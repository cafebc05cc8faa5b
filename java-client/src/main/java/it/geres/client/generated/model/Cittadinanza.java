// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * @param codiceStato ISTAT state code (100 = Italia) (required)
 * @param dataDecorrenza (format date)
 * @param dataFine (format date)
 * @param descrizioneStato (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Cittadinanza(
        @JsonProperty("codiceStato") String codiceStato,
        @JsonProperty("dataDecorrenza") String dataDecorrenza,
        @JsonProperty("dataFine") String dataFine,
        @JsonProperty("descrizioneStato") String descrizioneStato) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.codiceStato = codiceStato;
        b.dataDecorrenza = dataDecorrenza;
        b.dataFine = dataFine;
        b.descrizioneStato = descrizioneStato;
        return b;
    }

    /** Builds {@link Cittadinanza}. */
    public static final class Builder {
        private String codiceStato;
        private String dataDecorrenza;
        private String dataFine;
        private String descrizioneStato;

        private Builder() {
        }

        /** ISTAT state code (100 = Italia) (required) */
        public Builder codiceStato(String codiceStato) {
            this.codiceStato = codiceStato;
            return this;
        }

        /** (format date) */
        public Builder dataDecorrenza(String dataDecorrenza) {
            this.dataDecorrenza = dataDecorrenza;
            return this;
        }

        /** (format date) */
        public Builder dataFine(String dataFine) {
            this.dataFine = dataFine;
            return this;
        }

        /** (required) */
        public Builder descrizioneStato(String descrizioneStato) {
            this.descrizioneStato = descrizioneStato;
            return this;
        }

        public Cittadinanza build() {
            Objects.requireNonNull(codiceStato, "codiceStato is required");
            Objects.requireNonNull(descrizioneStato, "descrizioneStato is required");
            return new Cittadinanza(codiceStato, dataDecorrenza, dataFine, descrizioneStato);
        }
    }
}
