// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A message of a Comune's bacheca.
 * <p>
 * @param authorName Name of the author. (required)
 * @param body Text. (required)
 * @param comune ISTAT code of the Comune whose bacheca it is on. (required)
 * @param comuneNome Name of the Comune. (required)
 * @param createdAt When it was written. (format date-time, required)
 * @param id Id of the message. (format uuid, required)
 * @param private_ True for a private message (for one user). (required)
 * @param recipientId The user a private message is for (shown to its author and to them). (format uuid, required, may be null)
 * @param title Title. (required)
 * @param validFrom First day shown. (format date, required)
 * @param validTo Last day shown; null: until removed. (format date, required, may be null)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BachecaMessageView(
        @JsonProperty("authorName") String authorName,
        @JsonProperty("body") String body,
        @JsonProperty("comune") String comune,
        @JsonProperty("comuneNome") String comuneNome,
        @JsonProperty("createdAt") String createdAt,
        @JsonProperty("id") String id,
        @JsonProperty("private") Boolean private_,
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
        b.authorName = authorName;
        b.body = body;
        b.comune = comune;
        b.comuneNome = comuneNome;
        b.createdAt = createdAt;
        b.id = id;
        b.private_ = private_;
        b.recipientId = recipientId;
        b.title = title;
        b.validFrom = validFrom;
        b.validTo = validTo;
        return b;
    }

    /** Builds {@link BachecaMessageView}. */
    public static final class Builder {
        private String authorName;
        private String body;
        private String comune;
        private String comuneNome;
        private String createdAt;
        private String id;
        private Boolean private_;
        private String recipientId;
        private String title;
        private String validFrom;
        private String validTo;

        private Builder() {
        }

        /** Name of the author. (required) */
        public Builder authorName(String authorName) {
            this.authorName = authorName;
            return this;
        }

        /** Text. (required) */
        public Builder body(String body) {
            this.body = body;
            return this;
        }

        /** ISTAT code of the Comune whose bacheca it is on. (required) */
        public Builder comune(String comune) {
            this.comune = comune;
            return this;
        }

        /** Name of the Comune. (required) */
        public Builder comuneNome(String comuneNome) {
            this.comuneNome = comuneNome;
            return this;
        }

        /** When it was written. (format date-time, required) */
        public Builder createdAt(String createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** Id of the message. (format uuid, required) */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** True for a private message (for one user). (required) */
        public Builder private_(Boolean private_) {
            this.private_ = private_;
            return this;
        }

        /** The user a private message is for (shown to its author and to them). (format uuid, required, may be null) */
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

        /** Last day shown; null: until removed. (format date, required, may be null) */
        public Builder validTo(String validTo) {
            this.validTo = validTo;
            return this;
        }

        public BachecaMessageView build() {
            Objects.requireNonNull(authorName, "authorName is required");
            Objects.requireNonNull(body, "body is required");
            Objects.requireNonNull(comune, "comune is required");
            Objects.requireNonNull(comuneNome, "comuneNome is required");
            Objects.requireNonNull(createdAt, "createdAt is required");
            Objects.requireNonNull(id, "id is required");
            Objects.requireNonNull(private_, "private is required");
            Objects.requireNonNull(recipientId, "recipientId is required");
            Objects.requireNonNull(title, "title is required");
            Objects.requireNonNull(validFrom, "validFrom is required");
            Objects.requireNonNull(validTo, "validTo is required");
            return new BachecaMessageView(authorName, body, comune, comuneNome, createdAt, id, private_, recipientId, title, validFrom, validTo);
        }
    }
}
