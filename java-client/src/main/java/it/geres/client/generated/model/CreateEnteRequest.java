// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * An Ente and its first convenzione with the caller's Comune.
 * <p>
 * @param codiceFiscale Codice fiscale (11 digits, or 16 characters) or partita IVA of the body.
 * @param convenzione The convenzione with the caller's Comune. (required)
 * @param kind municipal_office for an office of the Comune itself, external_body otherwise; either way the Ente belongs to the caller's Comune, whose TOP users manage its users. (required)
 * @param name Name. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateEnteRequest(
        @JsonProperty("codiceFiscale") String codiceFiscale,
        @JsonProperty("convenzione") ConvenzioneInput convenzione,
        @JsonProperty("kind") EnteKind kind,
        @JsonProperty("name") String name) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.codiceFiscale = codiceFiscale;
        b.convenzione = convenzione;
        b.kind = kind;
        b.name = name;
        return b;
    }

    /** Builds {@link CreateEnteRequest}. */
    public static final class Builder {
        private String codiceFiscale;
        private ConvenzioneInput convenzione;
        private EnteKind kind;
        private String name;

        private Builder() {
        }

        /** Codice fiscale (11 digits, or 16 characters) or partita IVA of the body. */
        public Builder codiceFiscale(String codiceFiscale) {
            this.codiceFiscale = codiceFiscale;
            return this;
        }

        /** The convenzione with the caller's Comune. (required) */
        public Builder convenzione(ConvenzioneInput convenzione) {
            this.convenzione = convenzione;
            return this;
        }

        /** municipal_office for an office of the Comune itself, external_body otherwise; either way the Ente belongs to the caller's Comune, whose TOP users manage its users. (required) */
        public Builder kind(EnteKind kind) {
            this.kind = kind;
            return this;
        }

        /** Name. (required) */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public CreateEnteRequest build() {
            Objects.requireNonNull(convenzione, "convenzione is required");
            Objects.requireNonNull(kind, "kind is required");
            Objects.requireNonNull(name, "name is required");
            return new CreateEnteRequest(codiceFiscale, convenzione, kind, name);
        }
    }
}
