// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * @param comune An Italian Comune
 * @param localita A place abroad
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Luogo(
        @JsonProperty("comune") ComuneRef comune,
        @JsonProperty("localita") LocalitaEstera localita) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.comune = comune;
        b.localita = localita;
        return b;
    }

    /** Builds {@link Luogo}. */
    public static final class Builder {
        private ComuneRef comune;
        private LocalitaEstera localita;

        private Builder() {
        }

        /** An Italian Comune */
        public Builder comune(ComuneRef comune) {
            this.comune = comune;
            return this;
        }

        /** A place abroad */
        public Builder localita(LocalitaEstera localita) {
            this.localita = localita;
            return this;
        }

        public Luogo build() {
            return new Luogo(comune, localita);
        }
    }
}
