// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A client secret of an application; the secret itself is shown only once, when issued.
 * <p>
 * @param createdAt When it was issued. (format date-time, required)
 * @param expiresAt When it stops working (set when a newer secret is issued); null for no expiry. (format date-time, required, may be null)
 * @param id Id of the secret. (format uuid, required)
 * @param prefix First characters of the secret, to tell secrets apart. (required)
 * @param revokedAt When it was revoked; null while not revoked. (format date-time, required, may be null)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationSecretView(
        @JsonProperty("createdAt") String createdAt,
        @JsonProperty("expiresAt") String expiresAt,
        @JsonProperty("id") String id,
        @JsonProperty("prefix") String prefix,
        @JsonProperty("revokedAt") String revokedAt) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.createdAt = createdAt;
        b.expiresAt = expiresAt;
        b.id = id;
        b.prefix = prefix;
        b.revokedAt = revokedAt;
        return b;
    }

    /** Builds {@link ApplicationSecretView}. */
    public static final class Builder {
        private String createdAt;
        private String expiresAt;
        private String id;
        private String prefix;
        private String revokedAt;

        private Builder() {
        }

        /** When it was issued. (format date-time, required) */
        public Builder createdAt(String createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** When it stops working (set when a newer secret is issued); null for no expiry. (format date-time, required, may be null) */
        public Builder expiresAt(String expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** Id of the secret. (format uuid, required) */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** First characters of the secret, to tell secrets apart. (required) */
        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        /** When it was revoked; null while not revoked. (format date-time, required, may be null) */
        public Builder revokedAt(String revokedAt) {
            this.revokedAt = revokedAt;
            return this;
        }

        public ApplicationSecretView build() {
            Objects.requireNonNull(createdAt, "createdAt is required");
            Objects.requireNonNull(expiresAt, "expiresAt is required");
            Objects.requireNonNull(id, "id is required");
            Objects.requireNonNull(prefix, "prefix is required");
            Objects.requireNonNull(revokedAt, "revokedAt is required");
            return new ApplicationSecretView(createdAt, expiresAt, id, prefix, revokedAt);
        }
    }
}
