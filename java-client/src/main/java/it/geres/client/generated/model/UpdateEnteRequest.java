// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The fields to change; the others stay as they are.
 * <p>
 * @param codiceFiscale Codice fiscale or partita IVA of the body.
 * @param name Name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpdateEnteRequest(
        @JsonProperty("codiceFiscale") String codiceFiscale,
        @JsonProperty("name") String name) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.codiceFiscale = codiceFiscale;
        b.name = name;
        return b;
    }

    /** Builds {@link UpdateEnteRequest}. */
    public static final class Builder {
        private String codiceFiscale;
        private String name;

        private Builder() {
        }

        /** Codice fiscale or partita IVA of the body. */
        public Builder codiceFiscale(String codiceFiscale) {
            this.codiceFiscale = codiceFiscale;
            return this;
        }

        /** Name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public UpdateEnteRequest build() {
            return new UpdateEnteRequest(codiceFiscale, name);
        }
    }
}
