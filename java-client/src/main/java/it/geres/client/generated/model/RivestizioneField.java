// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A field a rivestizione (bulk enrichment) may return.
 */
public enum RivestizioneField {
    @JsonProperty("codiceFiscale")
    CODICE_FISCALE("codiceFiscale"),

    @JsonProperty("idANPR")
    ID_ANPR("idANPR"),

    @JsonProperty("cognome")
    COGNOME("cognome"),

    @JsonProperty("nome")
    NOME("nome"),

    @JsonProperty("sesso")
    SESSO("sesso"),

    @JsonProperty("dataNascita")
    DATA_NASCITA("dataNascita"),

    @JsonProperty("luogoNascita")
    LUOGO_NASCITA("luogoNascita"),

    @JsonProperty("cittadinanza")
    CITTADINANZA("cittadinanza"),

    @JsonProperty("statoCivile")
    STATO_CIVILE("statoCivile"),

    @JsonProperty("indirizzoResidenza")
    INDIRIZZO_RESIDENZA("indirizzoResidenza"),

    @JsonProperty("comuneResidenza")
    COMUNE_RESIDENZA("comuneResidenza"),

    @JsonProperty("dataDecorrenzaResidenza")
    DATA_DECORRENZA_RESIDENZA("dataDecorrenzaResidenza"),

    @JsonProperty("soggettoAIRE")
    SOGGETTO_AIRE("soggettoAIRE"),

    @JsonProperty("dataDecesso")
    DATA_DECESSO("dataDecesso"),

    @JsonProperty("documentoIdentita")
    DOCUMENTO_IDENTITA("documentoIdentita");

    private final String value;

    RivestizioneField(String value) {
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
    public static RivestizioneField fromValue(String value) {
        for (RivestizioneField candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        return null;
    }
}
