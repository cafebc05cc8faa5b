// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * @param codiceFiscale For type codiceFiscale: the 16-character codice fiscale (omocodic forms accepted)
 * @param cognome For type generalita: surname
 * @param dataNascita For type generalita, optional: birth date (format date)
 * @param idANPR For type idANPR: the 9-character national identifier
 * @param luogoNascita For type generalita, optional (with dataNascita): birth place
 * @param nome For type generalita: first name(s)
 * @param numeroDocumento For type documento: the document number
 * @param tipoDocumento For type documento: the kind of identity document
 * @param type Which criterion this is (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CriterionDto(
        @JsonProperty("codiceFiscale") String codiceFiscale,
        @JsonProperty("cognome") String cognome,
        @JsonProperty("dataNascita") String dataNascita,
        @JsonProperty("idANPR") String idANPR,
        @JsonProperty("luogoNascita") BirthPlaceDto luogoNascita,
        @JsonProperty("nome") String nome,
        @JsonProperty("numeroDocumento") String numeroDocumento,
        @JsonProperty("tipoDocumento") TipoDocumento tipoDocumento,
        @JsonProperty("type") Type type) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.codiceFiscale = codiceFiscale;
        b.cognome = cognome;
        b.dataNascita = dataNascita;
        b.idANPR = idANPR;
        b.luogoNascita = luogoNascita;
        b.nome = nome;
        b.numeroDocumento = numeroDocumento;
        b.tipoDocumento = tipoDocumento;
        b.type = type;
        return b;
    }

    /**
     * For type documento: the kind of identity document
     */
    public static enum TipoDocumento {
        @JsonProperty("cartaIdentita")
        CARTA_IDENTITA("cartaIdentita"),

        @JsonProperty("permessoSoggiorno")
        PERMESSO_SOGGIORNO("permessoSoggiorno"),

        @JsonProperty("passaporto")
        PASSAPORTO("passaporto");

        private final String value;

        TipoDocumento(String value) {
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
        public static TipoDocumento fromValue(String value) {
            for (TipoDocumento candidate : values()) {
                if (candidate.value.equals(value)) {
                    return candidate;
                }
            }
            return null;
        }
    }

    /**
     * Which criterion this is
     */
    public static enum Type {
        @JsonProperty("codiceFiscale")
        CODICE_FISCALE("codiceFiscale"),

        @JsonProperty("idANPR")
        ID_ANPR("idANPR"),

        @JsonProperty("documento")
        DOCUMENTO("documento"),

        @JsonProperty("generalita")
        GENERALITA("generalita");

        private final String value;

        Type(String value) {
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
        public static Type fromValue(String value) {
            for (Type candidate : values()) {
                if (candidate.value.equals(value)) {
                    return candidate;
                }
            }
            return null;
        }
    }

    /** Builds {@link CriterionDto}. */
    public static final class Builder {
        private String codiceFiscale;
        private String cognome;
        private String dataNascita;
        private String idANPR;
        private BirthPlaceDto luogoNascita;
        private String nome;
        private String numeroDocumento;
        private TipoDocumento tipoDocumento;
        private Type type;

        private Builder() {
        }

        /** For type codiceFiscale: the 16-character codice fiscale (omocodic forms accepted) */
        public Builder codiceFiscale(String codiceFiscale) {
            this.codiceFiscale = codiceFiscale;
            return this;
        }

        /** For type generalita: surname */
        public Builder cognome(String cognome) {
            this.cognome = cognome;
            return this;
        }

        /** For type generalita, optional: birth date (format date) */
        public Builder dataNascita(String dataNascita) {
            this.dataNascita = dataNascita;
            return this;
        }

        /** For type idANPR: the 9-character national identifier */
        public Builder idANPR(String idANPR) {
            this.idANPR = idANPR;
            return this;
        }

        /** For type generalita, optional (with dataNascita): birth place */
        public Builder luogoNascita(BirthPlaceDto luogoNascita) {
            this.luogoNascita = luogoNascita;
            return this;
        }

        /** For type generalita: first name(s) */
        public Builder nome(String nome) {
            this.nome = nome;
            return this;
        }

        /** For type documento: the document number */
        public Builder numeroDocumento(String numeroDocumento) {
            this.numeroDocumento = numeroDocumento;
            return this;
        }

        /** For type documento: the kind of identity document */
        public Builder tipoDocumento(TipoDocumento tipoDocumento) {
            this.tipoDocumento = tipoDocumento;
            return this;
        }

        /** Which criterion this is (required) */
        public Builder type(Type type) {
            this.type = type;
            return this;
        }

        public CriterionDto build() {
            Objects.requireNonNull(type, "type is required");
            return new CriterionDto(codiceFiscale, cognome, dataNascita, idANPR, luogoNascita, nome, numeroDocumento, tipoDocumento, type);
        }
    }
}
