// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The current password and the new one.
 * <p>
 * @param currentPassword The current password. (format password, required)
 * @param newPassword The new password: at least 12 and at most 128 characters, three of lower case, upper case, digits and symbols, not containing the username. (format password, required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChangePasswordRequest(
        @JsonProperty("currentPassword") String currentPassword,
        @JsonProperty("newPassword") String newPassword) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.currentPassword = currentPassword;
        b.newPassword = newPassword;
        return b;
    }

    /** Builds {@link ChangePasswordRequest}. */
    public static final class Builder {
        private String currentPassword;
        private String newPassword;

        private Builder() {
        }

        /** The current password. (format password, required) */
        public Builder currentPassword(String currentPassword) {
            this.currentPassword = currentPassword;
            return this;
        }

        /** The new password: at least 12 and at most 128 characters, three of lower case, upper case, digits and symbols, not containing the username. (format password, required) */
        public Builder newPassword(String newPassword) {
            this.newPassword = newPassword;
            return this;
        }

        public ChangePasswordRequest build() {
            Objects.requireNonNull(currentPassword, "currentPassword is required");
            Objects.requireNonNull(newPassword, "newPassword is required");
            return new ChangePasswordRequest(currentPassword, newPassword);
        }
    }
}
