// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The workstation the call was recognised as coming from.
 * <p>
 * @param authorised Authorised by the Comune. (required)
 * @param code Code (ANPR IdPostazione). (required)
 * @param id Id of the workstation. (format uuid, required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MeWorkstation(
        @JsonProperty("authorised") Boolean authorised,
        @JsonProperty("code") String code,
        @JsonProperty("id") String id) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.authorised = authorised;
        b.code = code;
        b.id = id;
        return b;
    }

    /** Builds {@link MeWorkstation}. */
    public static final class Builder {
        private Boolean authorised;
        private String code;
        private String id;

        private Builder() {
        }

        /** Authorised by the Comune. (required) */
        public Builder authorised(Boolean authorised) {
            this.authorised = authorised;
            return this;
        }

        /** Code (ANPR IdPostazione). (required) */
        public Builder code(String code) {
            this.code = code;
            return this;
        }

        /** Id of the workstation. (format uuid, required) */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public MeWorkstation build() {
            Objects.requireNonNull(authorised, "authorised is required");
            Objects.requireNonNull(code, "code is required");
            Objects.requireNonNull(id, "id is required");
            return new MeWorkstation(authorised, code, id);
        }
    }
}
