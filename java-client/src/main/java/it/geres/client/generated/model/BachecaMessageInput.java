// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A message for the Comune's bacheca.
 * <p>
 * @param body Text (plain text; line breaks are kept). (required)
 * @param recipientId For a private message: the one user it is for (a user the caller manages). Without it the message is public: for every user who works with the Comune. (format uuid)
 * @param title Title. (required)
 * @param validFrom First day shown. (format date, required)
 * @param validTo Last day shown; without it, until removed. (format date)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BachecaMessageInput(
        @JsonProperty("body") String body,
        @JsonProperty("recipientId") String recipientId,
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
        b.recipientId = recipientId;
        b.title = title;
        b.validFrom = validFrom;
        b.validTo = validTo;
        return b;
    }

    /** Builds {@link BachecaMessageInput}. */
    public static final class Builder {
        private String body;
        private String recipientId;
        private String title;
        private String validFrom;
        private String validTo;

        private Builder() {
        }

        /** Text (plain text; line breaks are kept). (required) */
        public Builder body(String body) {
            this.body = body;
            return this;
        }

        /** For a private message: the one user it is for (a user the caller manages). Without it the message is public: for every user who works with the Comune. (format uuid) */
        public Builder recipientId(String recipientId) {
            this.recipientId = recipientId;
            return this;
        }

        /** Title. (required) */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** First day shown. (format date, required) */
        public Builder validFrom(String validFrom) {
            this.validFrom = validFrom;
            return this;
        }

        /** Last day shown; without it, until removed. (format date) */
        public Builder validTo(String validTo) {
            this.validTo = validTo;
            return this;
        }

        public BachecaMessageInput build() {
            Objects.requireNonNull(body, "body is required");
            Objects.requireNonNull(title, "title is required");
            Objects.requireNonNull(validFrom, "validFrom is required");
            return new BachecaMessageInput(body, recipientId, title, validFrom, validTo);
        }
    }
}
