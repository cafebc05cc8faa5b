// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A municipality: owner of the ANPR credentials used for every request that concerns it.
 * <p>
 * @param codiceCatastale Cadastral (Belfiore) code. (required)
 * @param codiceIstat ISTAT code. (required)
 * @param id Id of the Comune. (format uuid, required)
 * @param nome Name. (required)
 * @param provincia Province code. (required)
 * @param settings ANPR settings and policies. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComuneView(
        @JsonProperty("codiceCatastale") String codiceCatastale,
        @JsonProperty("codiceIstat") String codiceIstat,
        @JsonProperty("id") String id,
        @JsonProperty("nome") String nome,
        @JsonProperty("provincia") String provincia,
        @JsonProperty("settings") ComuneSettingsView settings) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.codiceCatastale = codiceCatastale;
        b.codiceIstat = codiceIstat;
        b.id = id;
        b.nome = nome;
        b.provincia = provincia;
        b.settings = settings;
        return b;
    }

    /** Builds {@link ComuneView}. */
    public static final class Builder {
        private String codiceCatastale;
        private String codiceIstat;
        private String id;
        private String nome;
        private String provincia;
        private ComuneSettingsView settings;

        private Builder() {
        }

        /** Cadastral (Belfiore) code. (required) */
        public Builder codiceCatastale(String codiceCatastale) {
            this.codiceCatastale = codiceCatastale;
            return this;
        }

        /** ISTAT code. (required) */
        public Builder codiceIstat(String codiceIstat) {
            this.codiceIstat = codiceIstat;
            return this;
        }

        /** Id of the Comune. (format uuid, required) */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Name. (required) */
        public Builder nome(String nome) {
            this.nome = nome;
            return this;
        }

        /** Province code. (required) */
        public Builder provincia(String provincia) {
            this.provincia = provincia;
            return this;
        }

        /** ANPR settings and policies. (required) */
        public Builder settings(ComuneSettingsView settings) {
            this.settings = settings;
            return this;
        }

        public ComuneView build() {
            Objects.requireNonNull(codiceCatastale, "codiceCatastale is required");
            Objects.requireNonNull(codiceIstat, "codiceIstat is required");
            Objects.requireNonNull(id, "id is required");
            Objects.requireNonNull(nome, "nome is required");
            Objects.requireNonNull(provincia, "provincia is required");
            Objects.requireNonNull(settings, "settings is required");
            return new ComuneView(codiceCatastale, codiceIstat, id, nome, provincia, settings);
        }
    }
}
