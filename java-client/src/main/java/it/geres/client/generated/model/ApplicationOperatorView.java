// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * An operator an application may act for.
 * <p>
 * @param id Id of the user. (format uuid, required)
 * @param username Username, as sent in X-GeRes-Operator. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationOperatorView(
        @JsonProperty("id") String id,
        @JsonProperty("username") String username) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.username = username;
        return b;
    }

    /** Builds {@link ApplicationOperatorView}. */
    public static final class Builder {
        private String id;
        private String username;

        private Builder() {
        }

        /** Id of the user. (format uuid, required) */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Username, as sent in X-GeRes-Operator. (required) */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public ApplicationOperatorView build() {
            Objects.requireNonNull(id, "id is required");
            Objects.requireNonNull(username, "username is required");
            return new ApplicationOperatorView(id, username);
        }
    }
}
