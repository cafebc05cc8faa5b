// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The application that called, when the token is an application's.
 * <p>
 * @param clientId OAuth2 client id. (required)
 * @param id Id of the application. (format uuid, required)
 * @param name Name. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MeApplication(
        @JsonProperty("clientId") String clientId,
        @JsonProperty("id") String id,
        @JsonProperty("name") String name) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.clientId = clientId;
        b.id = id;
        b.name = name;
        return b;
    }

    /** Builds {@link MeApplication}. */
    public static final class Builder {
        private String clientId;
        private String id;
        private String name;

        private Builder() {
        }

        /** OAuth2 client id. (required) */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /** Id of the application. (format uuid, required) */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Name. (required) */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public MeApplication build() {
            Objects.requireNonNull(clientId, "clientId is required");
            Objects.requireNonNull(id, "id is required");
            Objects.requireNonNull(name, "name is required");
            return new MeApplication(clientId, id, name);
        }
    }
}
