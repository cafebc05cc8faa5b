// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * @param comuneIscrizione (required)
 * @param dataIscrizione (format date, required)
 * @param motivo motivo
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record IscrizioneAire(
        @JsonProperty("comuneIscrizione") ComuneRef comuneIscrizione,
        @JsonProperty("dataIscrizione") String dataIscrizione,
        @JsonProperty("motivo") String motivo) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.comuneIscrizione = comuneIscrizione;
        b.dataIscrizione = dataIscrizione;
        b.motivo = motivo;
        return b;
    }

    /** Builds {@link IscrizioneAire}. */
    public static final class Builder {
        private ComuneRef comuneIscrizione;
        private String dataIscrizione;
        private String motivo;

        private Builder() {
        }

        /** (required) */
        public Builder comuneIscrizione(ComuneRef comuneIscrizione) {
            this.comuneIscrizione = comuneIscrizione;
            return this;
        }

        /** (format date, required) */
        public Builder dataIscrizione(String dataIscrizione) {
            this.dataIscrizione = dataIscrizione;
            return this;
        }

        /** motivo */
        public Builder motivo(String motivo) {
            this.motivo = motivo;
            return this;
        }

        public IscrizioneAire build() {
            Objects.requireNonNull(comuneIscrizione, "comuneIscrizione is required");
            Objects.requireNonNull(dataIscrizione, "dataIscrizione is required");
            return new IscrizioneAire(comuneIscrizione, dataIscrizione, motivo);
        }
    }
}
