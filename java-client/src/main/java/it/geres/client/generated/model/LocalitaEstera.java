// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * @param codiceStato ISTAT code of the foreign state (required)
 * @param descrizioneLocalita Place abroad
 * @param descrizioneStato Name of the foreign state (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record LocalitaEstera(
        @JsonProperty("codiceStato") String codiceStato,
        @JsonProperty("descrizioneLocalita") String descrizioneLocalita,
        @JsonProperty("descrizioneStato") String descrizioneStato) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.codiceStato = codiceStato;
        b.descrizioneLocalita = descrizioneLocalita;
        b.descrizioneStato = descrizioneStato;
        return b;
    }

    /** Builds {@link LocalitaEstera}. */
    public static final class Builder {
        private String codiceStato;
        private String descrizioneLocalita;
        private String descrizioneStato;

        private Builder() {
        }

        /** ISTAT code of the foreign state (required) */
        public Builder codiceStato(String codiceStato) {
            this.codiceStato = codiceStato;
            return this;
        }

        /** Place abroad */
        public Builder descrizioneLocalita(String descrizioneLocalita) {
            this.descrizioneLocalita = descrizioneLocalita;
            return this;
        }

        /** Name of the foreign state (required) */
        public Builder descrizioneStato(String descrizioneStato) {
            this.descrizioneStato = descrizioneStato;
            return this;
        }

        public LocalitaEstera build() {
            Objects.requireNonNull(codiceStato, "codiceStato is required");
            Objects.requireNonNull(descrizioneStato, "descrizioneStato is required");
            return new LocalitaEstera(codiceStato, descrizioneLocalita, descrizioneStato);
        }
    }
}
