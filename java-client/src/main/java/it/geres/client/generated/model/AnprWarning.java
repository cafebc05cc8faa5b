// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * @param code ANPR warning code (required)
 * @param text (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnprWarning(
        @JsonProperty("code") String code,
        @JsonProperty("text") String text) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.code = code;
        b.text = text;
        return b;
    }

    /** Builds {@link AnprWarning}. */
    public static final class Builder {
        private String code;
        private String text;

        private Builder() {
        }

        /** ANPR warning code (required) */
        public Builder code(String code) {
            this.code = code;
            return this;
        }

        /** (required) */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public AnprWarning build() {
            Objects.requireNonNull(code, "code is required");
            Objects.requireNonNull(text, "text is required");
            return new AnprWarning(code, text);
        }
    }
}
