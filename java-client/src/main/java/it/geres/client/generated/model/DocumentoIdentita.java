// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * @param dataRilascio (format date)
 * @param dataScadenza (format date)
 * @param numero (required)
 * @param rilasciatoDa Issuing Comune (ISTAT) or authority
 * @param tipo (required)
 * @param tipoSoggiorno Tabella 8, for permessi di soggiorno
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DocumentoIdentita(
        @JsonProperty("dataRilascio") String dataRilascio,
        @JsonProperty("dataScadenza") String dataScadenza,
        @JsonProperty("numero") String numero,
        @JsonProperty("rilasciatoDa") String rilasciatoDa,
        @JsonProperty("tipo") Tipo tipo,
        @JsonProperty("tipoSoggiorno") String tipoSoggiorno) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.dataRilascio = dataRilascio;
        b.dataScadenza = dataScadenza;
        b.numero = numero;
        b.rilasciatoDa = rilasciatoDa;
        b.tipo = tipo;
        b.tipoSoggiorno = tipoSoggiorno;
        return b;
    }

    /**
     *
     */
    public static enum Tipo {
        @JsonProperty("cartaIdentita")
        CARTA_IDENTITA("cartaIdentita"),

        @JsonProperty("permessoSoggiorno")
        PERMESSO_SOGGIORNO("permessoSoggiorno"),

        @JsonProperty("passaporto")
        PASSAPORTO("passaporto");

        private final String value;

        Tipo(String value) {
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
        public static Tipo fromValue(String value) {
            for (Tipo candidate : values()) {
                if (candidate.value.equals(value)) {
                    return candidate;
                }
            }
            return null;
        }
    }

    /** Builds {@link DocumentoIdentita}. */
    public static final class Builder {
        private String dataRilascio;
        private String dataScadenza;
        private String numero;
        private String rilasciatoDa;
        private Tipo tipo;
        private String tipoSoggiorno;

        private Builder() {
        }

        /** (format date) */
        public Builder dataRilascio(String dataRilascio) {
            this.dataRilascio = dataRilascio;
            return this;
        }

        /** (format date) */
        public Builder dataScadenza(String dataScadenza) {
            this.dataScadenza = dataScadenza;
            return this;
        }

        /** (required) */
        public Builder numero(String numero) {
            this.numero = numero;
            return this;
        }

        /** Issuing Comune (ISTAT) or authority */
        public Builder rilasciatoDa(String rilasciatoDa) {
            this.rilasciatoDa = rilasciatoDa;
            return this;
        }

        /** (required) */
        public Builder tipo(Tipo tipo) {
            this.tipo = tipo;
            return this;
        }

        /** Tabella 8, for permessi di soggiorno */
        public Builder tipoSoggiorno(String tipoSoggiorno) {
            this.tipoSoggiorno = tipoSoggiorno;
            return this;
        }

        public DocumentoIdentita build() {
            Objects.requireNonNull(numero, "numero is required");
            Objects.requireNonNull(tipo, "tipo is required");
            return new DocumentoIdentita(dataRilascio, dataScadenza, numero, rilasciatoDa, tipo, tipoSoggiorno);
        }
    }
}
