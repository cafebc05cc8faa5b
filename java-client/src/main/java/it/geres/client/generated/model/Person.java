// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * @param aire Section aire
 * @param cittadinanza Section cittadinanza
 * @param decesso Section decesso
 * @param documenti Section documenti
 * @param famiglia Section famiglia
 * @param generalita Section generalita
 * @param idANPR National ANPR identifier, 9 characters (required)
 * @param matrimoni Section matrimonio (marriages and civil unions)
 * @param residenza Section residenza
 * @param statoCivile Section statoCivile
 * @param storicoCittadinanza Section storici: past citizenships
 * @param storicoResidenza Section storici: past residences
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Person(
        @JsonProperty("aire") IscrizioneAire aire,
        @JsonProperty("cittadinanza") java.util.List<Cittadinanza> cittadinanza,
        @JsonProperty("decesso") Decesso decesso,
        @JsonProperty("documenti") java.util.List<DocumentoIdentita> documenti,
        @JsonProperty("famiglia") Famiglia famiglia,
        @JsonProperty("generalita") Generalita generalita,
        @JsonProperty("idANPR") String idANPR,
        @JsonProperty("matrimoni") java.util.List<EventoMatrimonio> matrimoni,
        @JsonProperty("residenza") java.util.List<Residenza> residenza,
        @JsonProperty("statoCivile") StatoCivile statoCivile,
        @JsonProperty("storicoCittadinanza") java.util.List<Cittadinanza> storicoCittadinanza,
        @JsonProperty("storicoResidenza") java.util.List<Residenza> storicoResidenza) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.aire = aire;
        b.cittadinanza = cittadinanza;
        b.decesso = decesso;
        b.documenti = documenti;
        b.famiglia = famiglia;
        b.generalita = generalita;
        b.idANPR = idANPR;
        b.matrimoni = matrimoni;
        b.residenza = residenza;
        b.statoCivile = statoCivile;
        b.storicoCittadinanza = storicoCittadinanza;
        b.storicoResidenza = storicoResidenza;
        return b;
    }

    /** Builds {@link Person}. */
    public static final class Builder {
        private IscrizioneAire aire;
        private java.util.List<Cittadinanza> cittadinanza;
        private Decesso decesso;
        private java.util.List<DocumentoIdentita> documenti;
        private Famiglia famiglia;
        private Generalita generalita;
        private String idANPR;
        private java.util.List<EventoMatrimonio> matrimoni;
        private java.util.List<Residenza> residenza;
        private StatoCivile statoCivile;
        private java.util.List<Cittadinanza> storicoCittadinanza;
        private java.util.List<Residenza> storicoResidenza;

        private Builder() {
        }

        /** Section aire */
        public Builder aire(IscrizioneAire aire) {
            this.aire = aire;
            return this;
        }

        /** Section cittadinanza */
        public Builder cittadinanza(java.util.List<Cittadinanza> cittadinanza) {
            this.cittadinanza = cittadinanza;
            return this;
        }

        /** Section cittadinanza */
        public Builder cittadinanza(Cittadinanza... cittadinanza) {
            this.cittadinanza = java.util.List.of(cittadinanza);
            return this;
        }

        /** Section decesso */
        public Builder decesso(Decesso decesso) {
            this.decesso = decesso;
            return this;
        }

        /** Section documenti */
        public Builder documenti(java.util.List<DocumentoIdentita> documenti) {
            this.documenti = documenti;
            return this;
        }

        /** Section documenti */
        public Builder documenti(DocumentoIdentita... documenti) {
            this.documenti = java.util.List.of(documenti);
            return this;
        }

        /** Section famiglia */
        public Builder famiglia(Famiglia famiglia) {
            this.famiglia = famiglia;
            return this;
        }

        /** Section generalita */
        public Builder generalita(Generalita generalita) {
            this.generalita = generalita;
            return this;
        }

        /** National ANPR identifier, 9 characters (required) */
        public Builder idANPR(String idANPR) {
            this.idANPR = idANPR;
            return this;
        }

        /** Section matrimonio (marriages and civil unions) */
        public Builder matrimoni(java.util.List<EventoMatrimonio> matrimoni) {
            this.matrimoni = matrimoni;
            return this;
        }

        /** Section matrimonio (marriages and civil unions) */
        public Builder matrimoni(EventoMatrimonio... matrimoni) {
            this.matrimoni = java.util.List.of(matrimoni);
            return this;
        }

        /** Section residenza */
        public Builder residenza(java.util.List<Residenza> residenza) {
            this.residenza = residenza;
            return this;
        }

        /** Section residenza */
        public Builder residenza(Residenza... residenza) {
            this.residenza = java.util.List.of(residenza);
            return this;
        }

        /** Section statoCivile */
        public Builder statoCivile(StatoCivile statoCivile) {
            this.statoCivile = statoCivile;
            return this;
        }

        /** Section storici: past citizenships */
        public Builder storicoCittadinanza(java.util.List<Cittadinanza> storicoCittadinanza) {
            this.storicoCittadinanza = storicoCittadinanza;
            return this;
        }

        /** Section storici: past citizenships */
        public Builder storicoCittadinanza(Cittadinanza... storicoCittadinanza) {
            this.storicoCittadinanza = java.util.List.of(storicoCittadinanza);
            return this;
        }

        /** Section storici: past residences */
        public Builder storicoResidenza(java.util.List<Residenza> storicoResidenza) {
            this.storicoResidenza = storicoResidenza;
            return this;
        }

        /** Section storici: past residences */
        public Builder storicoResidenza(Residenza... storicoResidenza) {
            this.storicoResidenza = java.util.List.of(storicoResidenza);
            return this;
        }

        public Person build() {
            Objects.requireNonNull(idANPR, "idANPR is required");
            return new Person(aire, cittadinanza, decesso, documenti, famiglia, generalita, idANPR, matrimoni, residenza, statoCivile, storicoCittadinanza, storicoResidenza);
        }
    }
}
