// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * @param cap cap
 * @param comune (required)
 * @param frazione frazione
 * @param numeroCivico numeroCivico
 * @param toponimo (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Indirizzo(
        @JsonProperty("cap") String cap,
        @JsonProperty("comune") ComuneRef comune,
        @JsonProperty("frazione") String frazione,
        @JsonProperty("numeroCivico") NumeroCivico numeroCivico,
        @JsonProperty("toponimo") Toponimo toponimo) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.cap = cap;
        b.comune = comune;
        b.frazione = frazione;
        b.numeroCivico = numeroCivico;
        b.toponimo = toponimo;
        return b;
    }

    /** Builds {@link Indirizzo}. */
    public static final class Builder {
        private String cap;
        private ComuneRef comune;
        private String frazione;
        private NumeroCivico numeroCivico;
        private Toponimo toponimo;

        private Builder() {
        }

        /** cap */
        public Builder cap(String cap) {
            this.cap = cap;
            return this;
        }

        /** (required) */
        public Builder comune(ComuneRef comune) {
            this.comune = comune;
            return this;
        }

        /** frazione */
        public Builder frazione(String frazione) {
            this.frazione = frazione;
            return this;
        }

        /** numeroCivico */
        public Builder numeroCivico(NumeroCivico numeroCivico) {
            this.numeroCivico = numeroCivico;
            return this;
        }

        /** (required) */
        public Builder toponimo(Toponimo toponimo) {
            this.toponimo = toponimo;
            return this;
        }

        public Indirizzo build() {
            Objects.requireNonNull(comune, "comune is required");
            Objects.requireNonNull(toponimo, "toponimo is required");
            return new Indirizzo(cap, comune, frazione, numeroCivico, toponimo);
        }
    }
}
