// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * @param codice Tabella 1: 1 celibe/nubile, 2 coniugato, 3 vedovo, 4 divorziato, 6 unito civilmente, 7/8 stato libero (required)
 * @param dataEvento (format date)
 * @param descrizione (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatoCivile(
        @JsonProperty("codice") String codice,
        @JsonProperty("dataEvento") String dataEvento,
        @JsonProperty("descrizione") String descrizione) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.codice = codice;
        b.dataEvento = dataEvento;
        b.descrizione = descrizione;
        return b;
    }

    /** Builds {@link StatoCivile}. */
    public static final class Builder {
        private String codice;
        private String dataEvento;
        private String descrizione;

        private Builder() {
        }

        /** Tabella 1: 1 celibe/nubile, 2 coniugato, 3 vedovo, 4 divorziato, 6 unito civilmente, 7/8 stato libero (required) */
        public Builder codice(String codice) {
            this.codice = codice;
            return this;
        }

        /** (format date) */
        public Builder dataEvento(String dataEvento) {
            this.dataEvento = dataEvento;
            return this;
        }

        /** (required) */
        public Builder descrizione(String descrizione) {
            this.descrizione = descrizione;
            return this;
        }

        public StatoCivile build() {
            Objects.requireNonNull(codice, "codice is required");
            Objects.requireNonNull(descrizione, "descrizione is required");
            return new StatoCivile(codice, dataEvento, descrizione);
        }
    }
}
