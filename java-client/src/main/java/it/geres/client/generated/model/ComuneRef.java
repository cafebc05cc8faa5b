// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * @param codiceCatastale Cadastral (Belfiore) code
 * @param codiceIstat ISTAT code of the Comune (required)
 * @param nomeComune Name of the Comune (required)
 * @param siglaProvincia Province abbreviation
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComuneRef(
        @JsonProperty("codiceCatastale") String codiceCatastale,
        @JsonProperty("codiceIstat") String codiceIstat,
        @JsonProperty("nomeComune") String nomeComune,
        @JsonProperty("siglaProvincia") String siglaProvincia) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.codiceCatastale = codiceCatastale;
        b.codiceIstat = codiceIstat;
        b.nomeComune = nomeComune;
        b.siglaProvincia = siglaProvincia;
        return b;
    }

    /** Builds {@link ComuneRef}. */
    public static final class Builder {
        private String codiceCatastale;
        private String codiceIstat;
        private String nomeComune;
        private String siglaProvincia;

        private Builder() {
        }

        /** Cadastral (Belfiore) code */
        public Builder codiceCatastale(String codiceCatastale) {
            this.codiceCatastale = codiceCatastale;
            return this;
        }

        /** ISTAT code of the Comune (required) */
        public Builder codiceIstat(String codiceIstat) {
            this.codiceIstat = codiceIstat;
            return this;
        }

        /** Name of the Comune (required) */
        public Builder nomeComune(String nomeComune) {
            this.nomeComune = nomeComune;
            return this;
        }

        /** Province abbreviation */
        public Builder siglaProvincia(String siglaProvincia) {
            this.siglaProvincia = siglaProvincia;
            return this;
        }

        public ComuneRef build() {
            Objects.requireNonNull(codiceIstat, "codiceIstat is required");
            Objects.requireNonNull(nomeComune, "nomeComune is required");
            return new ComuneRef(codiceCatastale, codiceIstat, nomeComune, siglaProvincia);
        }
    }
}
