// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * @param codiceIstatComune ISTAT code of the Italian Comune of birth
 * @param codiceStato ISTAT code of the foreign state of birth
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BirthPlaceDto(
        @JsonProperty("codiceIstatComune") String codiceIstatComune,
        @JsonProperty("codiceStato") String codiceStato) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.codiceIstatComune = codiceIstatComune;
        b.codiceStato = codiceStato;
        return b;
    }

    /** Builds {@link BirthPlaceDto}. */
    public static final class Builder {
        private String codiceIstatComune;
        private String codiceStato;

        private Builder() {
        }

        /** ISTAT code of the Italian Comune of birth */
        public Builder codiceIstatComune(String codiceIstatComune) {
            this.codiceIstatComune = codiceIstatComune;
            return this;
        }

        /** ISTAT code of the foreign state of birth */
        public Builder codiceStato(String codiceStato) {
            this.codiceStato = codiceStato;
            return this;
        }

        public BirthPlaceDto build() {
            return new BirthPlaceDto(codiceIstatComune, codiceStato);
        }
    }
}
