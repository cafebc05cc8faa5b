// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One line of the rendicontazione: what an Ente asked of a Comune in a period.
 * <p>
 * @param enteId Id of the Ente. (format uuid, required)
 * @param enteName Name of the Ente. (required)
 * @param kind A municipal office or an external body. (required)
 * @param lookups Lookups answered by ANPR (found or not found). (required)
 * @param rivestizione Of which for rivestizione. (required)
 * @param visure Of which for visure. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RendicontazioneLine(
        @JsonProperty("enteId") String enteId,
        @JsonProperty("enteName") String enteName,
        @JsonProperty("kind") EnteKind kind,
        @JsonProperty("lookups") Integer lookups,
        @JsonProperty("rivestizione") Integer rivestizione,
        @JsonProperty("visure") Integer visure) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.enteId = enteId;
        b.enteName = enteName;
        b.kind = kind;
        b.lookups = lookups;
        b.rivestizione = rivestizione;
        b.visure = visure;
        return b;
    }

    /** Builds {@link RendicontazioneLine}. */
    public static final class Builder {
        private String enteId;
        private String enteName;
        private EnteKind kind;
        private Integer lookups;
        private Integer rivestizione;
        private Integer visure;

        private Builder() {
        }

        /** Id of the Ente. (format uuid, required) */
        public Builder enteId(String enteId) {
            this.enteId = enteId;
            return this;
        }

        /** Name of the Ente. (required) */
        public Builder enteName(String enteName) {
            this.enteName = enteName;
            return this;
        }

        /** A municipal office or an external body. (required) */
        public Builder kind(EnteKind kind) {
            this.kind = kind;
            return this;
        }

        /** Lookups answered by ANPR (found or not found). (required) */
        public Builder lookups(Integer lookups) {
            this.lookups = lookups;
            return this;
        }

        /** Of which for rivestizione. (required) */
        public Builder rivestizione(Integer rivestizione) {
            this.rivestizione = rivestizione;
            return this;
        }

        /** Of which for visure. (required) */
        public Builder visure(Integer visure) {
            this.visure = visure;
            return this;
        }

        public RendicontazioneLine build() {
            Objects.requireNonNull(enteId, "enteId is required");
            Objects.requireNonNull(enteName, "enteName is required");
            Objects.requireNonNull(kind, "kind is required");
            Objects.requireNonNull(lookups, "lookups is required");
            Objects.requireNonNull(rivestizione, "rivestizione is required");
            Objects.requireNonNull(visure, "visure is required");
            return new RendicontazioneLine(enteId, enteName, kind, lookups, rivestizione, visure);
        }
    }
}
