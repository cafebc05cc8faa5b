// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * @param coniuge coniuge
 * @param data (format date, required)
 * @param dataCessazione When it ended (divorce, dissolution, death) (format date)
 * @param luogo luogo
 * @param motivoCessazione motivoCessazione
 * @param tipo (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventoMatrimonio(
        @JsonProperty("coniuge") Coniuge coniuge,
        @JsonProperty("data") String data,
        @JsonProperty("dataCessazione") String dataCessazione,
        @JsonProperty("luogo") Luogo luogo,
        @JsonProperty("motivoCessazione") String motivoCessazione,
        @JsonProperty("tipo") Tipo tipo) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.coniuge = coniuge;
        b.data = data;
        b.dataCessazione = dataCessazione;
        b.luogo = luogo;
        b.motivoCessazione = motivoCessazione;
        b.tipo = tipo;
        return b;
    }

    /**
     *
     */
    public static enum Tipo {
        @JsonProperty("matrimonio")
        MATRIMONIO("matrimonio"),

        @JsonProperty("unioneCivile")
        UNIONE_CIVILE("unioneCivile");

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

    /** Builds {@link EventoMatrimonio}. */
    public static final class Builder {
        private Coniuge coniuge;
        private String data;
        private String dataCessazione;
        private Luogo luogo;
        private String motivoCessazione;
        private Tipo tipo;

        private Builder() {
        }

        /** coniuge */
        public Builder coniuge(Coniuge coniuge) {
            this.coniuge = coniuge;
            return this;
        }

        /** (format date, required) */
        public Builder data(String data) {
            this.data = data;
            return this;
        }

        /** When it ended (divorce, dissolution, death) (format date) */
        public Builder dataCessazione(String dataCessazione) {
            this.dataCessazione = dataCessazione;
            return this;
        }

        /** luogo */
        public Builder luogo(Luogo luogo) {
            this.luogo = luogo;
            return this;
        }

        /** motivoCessazione */
        public Builder motivoCessazione(String motivoCessazione) {
            this.motivoCessazione = motivoCessazione;
            return this;
        }

        /** (required) */
        public Builder tipo(Tipo tipo) {
            this.tipo = tipo;
            return this;
        }

        public EventoMatrimonio build() {
            Objects.requireNonNull(data, "data is required");
            Objects.requireNonNull(tipo, "tipo is required");
            return new EventoMatrimonio(coniuge, data, dataCessazione, luogo, motivoCessazione, tipo);
        }
    }
}
