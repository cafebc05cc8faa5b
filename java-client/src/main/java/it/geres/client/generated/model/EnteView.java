// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * An office of a Comune, or an external body that uses GeRes under convenzioni.
 * <p>
 * @param codiceFiscale Codice fiscale or partita IVA of the body. (required, may be null)
 * @param comune ISTAT code of the Comune that registered the Ente and manages its users; null for an Ente registered before owners were recorded. (required, may be null)
 * @param convenzioni The Ente's convenzioni when loaded: every Comune's for the owner Comune and the Ente's own users, only the caller's own Comune's otherwise.
 * @param id Id of the Ente. (format uuid, required)
 * @param kind What kind of body it is. (required)
 * @param name Name. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnteView(
        @JsonProperty("codiceFiscale") String codiceFiscale,
        @JsonProperty("comune") String comune,
        @JsonProperty("convenzioni") java.util.List<ConvenzioneView> convenzioni,
        @JsonProperty("id") String id,
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
        b.comune = comune;
        b.convenzioni = convenzioni;
        b.id = id;
        b.kind = kind;
        b.name = name;
        return b;
    }

    /** Builds {@link EnteView}. */
    public static final class Builder {
        private String codiceFiscale;
        private String comune;
        private java.util.List<ConvenzioneView> convenzioni;
        private String id;
        private EnteKind kind;
        private String name;

        private Builder() {
        }

        /** Codice fiscale or partita IVA of the body. (required, may be null) */
        public Builder codiceFiscale(String codiceFiscale) {
            this.codiceFiscale = codiceFiscale;
            return this;
        }

        /** ISTAT code of the Comune that registered the Ente and manages its users; null for an Ente registered before owners were recorded. (required, may be null) */
        public Builder comune(String comune) {
            this.comune = comune;
            return this;
        }

        /** The Ente's convenzioni when loaded: every Comune's for the owner Comune and the Ente's own users, only the caller's own Comune's otherwise. */
        public Builder convenzioni(java.util.List<ConvenzioneView> convenzioni) {
            this.convenzioni = convenzioni;
            return this;
        }

        /** The Ente's convenzioni when loaded: every Comune's for the owner Comune and the Ente's own users, only the caller's own Comune's otherwise. */
        public Builder convenzioni(ConvenzioneView... convenzioni) {
            this.convenzioni = java.util.List.of(convenzioni);
            return this;
        }

        /** Id of the Ente. (format uuid, required) */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** What kind of body it is. (required) */
        public Builder kind(EnteKind kind) {
            this.kind = kind;
            return this;
        }

        /** Name. (required) */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public EnteView build() {
            Objects.requireNonNull(codiceFiscale, "codiceFiscale is required");
            Objects.requireNonNull(comune, "comune is required");
            Objects.requireNonNull(id, "id is required");
            Objects.requireNonNull(kind, "kind is required");
            Objects.requireNonNull(name, "name is required");
            return new EnteView(codiceFiscale, comune, convenzioni, id, kind, name);
        }
    }
}
