// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The caller's Ente.
 * <p>
 * @param comune ISTAT code of the Comune that registered the Ente. (required, may be null)
 * @param id Id of the Ente. (format uuid, required)
 * @param kind A municipal office (of a Comune) or an external body. (required)
 * @param name Name. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MeEnte(
        @JsonProperty("comune") String comune,
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
        b.comune = comune;
        b.id = id;
        b.kind = kind;
        b.name = name;
        return b;
    }

    /** Builds {@link MeEnte}. */
    public static final class Builder {
        private String comune;
        private String id;
        private EnteKind kind;
        private String name;

        private Builder() {
        }

        /** ISTAT code of the Comune that registered the Ente. (required, may be null) */
        public Builder comune(String comune) {
            this.comune = comune;
            return this;
        }

        /** Id of the Ente. (format uuid, required) */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** A municipal office (of a Comune) or an external body. (required) */
        public Builder kind(EnteKind kind) {
            this.kind = kind;
            return this;
        }

        /** Name. (required) */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public MeEnte build() {
            Objects.requireNonNull(comune, "comune is required");
            Objects.requireNonNull(id, "id is required");
            Objects.requireNonNull(kind, "kind is required");
            Objects.requireNonNull(name, "name is required");
            return new MeEnte(comune, id, kind, name);
        }
    }
}
