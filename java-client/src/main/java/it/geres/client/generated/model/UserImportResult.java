// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The outcome of a CSV import: every row was imported.
 * <p>
 * @param imported How many users were created. (required)
 * @param users (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserImportResult(
        @JsonProperty("imported") Integer imported,
        @JsonProperty("users") java.util.List<ImportedUser> users) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.imported = imported;
        b.users = users;
        return b;
    }

    /** Builds {@link UserImportResult}. */
    public static final class Builder {
        private Integer imported;
        private java.util.List<ImportedUser> users;

        private Builder() {
        }

        /** How many users were created. (required) */
        public Builder imported(Integer imported) {
            this.imported = imported;
            return this;
        }

        /** (required) */
        public Builder users(java.util.List<ImportedUser> users) {
            this.users = users;
            return this;
        }

        /** (required) */
        public Builder users(ImportedUser... users) {
            this.users = java.util.List.of(users);
            return this;
        }

        public UserImportResult build() {
            Objects.requireNonNull(imported, "imported is required");
            Objects.requireNonNull(users, "users is required");
            return new UserImportResult(imported, users);
        }
    }
}
