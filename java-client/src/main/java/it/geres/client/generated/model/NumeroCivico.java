// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * @param interno interno
 * @param lettera lettera
 * @param numero numero
 * @param piano piano
 * @param scala scala
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record NumeroCivico(
        @JsonProperty("interno") String interno,
        @JsonProperty("lettera") String lettera,
        @JsonProperty("numero") String numero,
        @JsonProperty("piano") String piano,
        @JsonProperty("scala") String scala) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.interno = interno;
        b.lettera = lettera;
        b.numero = numero;
        b.piano = piano;
        b.scala = scala;
        return b;
    }

    /** Builds {@link NumeroCivico}. */
    public static final class Builder {
        private String interno;
        private String lettera;
        private String numero;
        private String piano;
        private String scala;

        private Builder() {
        }

        /** interno */
        public Builder interno(String interno) {
            this.interno = interno;
            return this;
        }

        /** lettera */
        public Builder lettera(String lettera) {
            this.lettera = lettera;
            return this;
        }

        /** numero */
        public Builder numero(String numero) {
            this.numero = numero;
            return this;
        }

        /** piano */
        public Builder piano(String piano) {
            this.piano = piano;
            return this;
        }

        /** scala */
        public Builder scala(String scala) {
            this.scala = scala;
            return this;
        }

        public NumeroCivico build() {
            return new NumeroCivico(interno, lettera, numero, piano, scala);
        }
    }
}
