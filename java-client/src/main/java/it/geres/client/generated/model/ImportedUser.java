// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A user created by a CSV import.
 * <p>
 * @param id Id of the new user. (format uuid, required)
 * @param row The line of the file (the header is line 1). (required)
 * @param temporaryPassword Generated when the row had no password: give it to the user, who must change it. Shown this once.
 * @param username Username. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImportedUser(
        @JsonProperty("id") String id,
        @JsonProperty("row") Integer row,
        @JsonProperty("temporaryPassword") String temporaryPassword,
        @JsonProperty("username") String username) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.row = row;
        b.temporaryPassword = temporaryPassword;
        b.username = username;
        return b;
    }

    /** Builds {@link ImportedUser}. */
    public static final class Builder {
        private String id;
        private Integer row;
        private String temporaryPassword;
        private String username;

        private Builder() {
        }

        /** Id of the new user. (format uuid, required) */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** The line of the file (the header is line 1). (required) */
        public Builder row(Integer row) {
            this.row = row;
            return this;
        }

        /** Generated when the row had no password: give it to the user, who must change it. Shown this once. */
        public Builder temporaryPassword(String temporaryPassword) {
            this.temporaryPassword = temporaryPassword;
            return this;
        }

        /** Username. (required) */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public ImportedUser build() {
            Objects.requireNonNull(id, "id is required");
            Objects.requireNonNull(row, "row is required");
            Objects.requireNonNull(username, "username is required");
            return new ImportedUser(id, row, temporaryPassword, username);
        }
    }
}
