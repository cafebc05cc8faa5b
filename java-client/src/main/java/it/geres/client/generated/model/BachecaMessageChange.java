// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Changes to a message of the bacheca.
 * <p>
 * @param body Text.
 * @param title Title.
 * @param validFrom First day shown. (format date)
 * @param validTo Last day shown. (format date)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BachecaMessageChange(
        @JsonProperty("body") String body,
        @JsonProperty("title") String title,
        @JsonProperty("validFrom") String validFrom,
        @JsonProperty("validTo") String validTo) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.body = body;
        b.title = title;
        b.validFrom = validFrom;
        b.validTo = validTo;
        return b;
    }

    /** Builds {@link BachecaMessageChange}. */
    public static final class Builder {
        private String body;
        private String title;
        private String validFrom;
        private String validTo;

        private Builder() {
        }

        /** Text. */
        public Builder body(String body) {
            this.body = body;
            return this;
        }

        /** Title. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** First day shown. (format date) */
        public Builder validFrom(String validFrom) {
            this.validFrom = validFrom;
            return this;
        }

        /** Last day shown. (format date) */
        public Builder validTo(String validTo) {
            this.validTo = validTo;
            return this;
        }

        public BachecaMessageChange build() {
            return new BachecaMessageChange(body, title, validFrom, validTo);
        }
    }
}
