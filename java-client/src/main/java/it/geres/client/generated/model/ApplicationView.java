// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A third-party application of an Ente, calling GeRes with client credentials.
 * <p>
 * @param clientId OAuth2 client id. (required)
 * @param createdAt When the application was registered. (format date-time, required)
 * @param enteId The Ente the application belongs to. (format uuid, required)
 * @param id Id of the application. (format uuid, required)
 * @param name Name. (required)
 * @param operators Operators the application may act for.
 * @param secrets Its client secrets (never the secrets themselves).
 * @param status Whether the application may obtain tokens. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationView(
        @JsonProperty("clientId") String clientId,
        @JsonProperty("createdAt") String createdAt,
        @JsonProperty("enteId") String enteId,
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("operators") java.util.List<ApplicationOperatorView> operators,
        @JsonProperty("secrets") java.util.List<ApplicationSecretView> secrets,
        @JsonProperty("status") ApplicationStatus status) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.clientId = clientId;
        b.createdAt = createdAt;
        b.enteId = enteId;
        b.id = id;
        b.name = name;
        b.operators = operators;
        b.secrets = secrets;
        b.status = status;
        return b;
    }

    /** Builds {@link ApplicationView}. */
    public static final class Builder {
        private String clientId;
        private String createdAt;
        private String enteId;
        private String id;
        private String name;
        private java.util.List<ApplicationOperatorView> operators;
        private java.util.List<ApplicationSecretView> secrets;
        private ApplicationStatus status;

        private Builder() {
        }

        /** OAuth2 client id. (required) */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /** When the application was registered. (format date-time, required) */
        public Builder createdAt(String createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** The Ente the application belongs to. (format uuid, required) */
        public Builder enteId(String enteId) {
            this.enteId = enteId;
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

        /** Operators the application may act for. */
        public Builder operators(java.util.List<ApplicationOperatorView> operators) {
            this.operators = operators;
            return this;
        }

        /** Operators the application may act for. */
        public Builder operators(ApplicationOperatorView... operators) {
            this.operators = java.util.List.of(operators);
            return this;
        }

        /** Its client secrets (never the secrets themselves). */
        public Builder secrets(java.util.List<ApplicationSecretView> secrets) {
            this.secrets = secrets;
            return this;
        }

        /** Its client secrets (never the secrets themselves). */
        public Builder secrets(ApplicationSecretView... secrets) {
            this.secrets = java.util.List.of(secrets);
            return this;
        }

        /** Whether the application may obtain tokens. (required) */
        public Builder status(ApplicationStatus status) {
            this.status = status;
            return this;
        }

        public ApplicationView build() {
            Objects.requireNonNull(clientId, "clientId is required");
            Objects.requireNonNull(createdAt, "createdAt is required");
            Objects.requireNonNull(enteId, "enteId is required");
            Objects.requireNonNull(id, "id is required");
            Objects.requireNonNull(name, "name is required");
            Objects.requireNonNull(status, "status is required");
            return new ApplicationView(clientId, createdAt, enteId, id, name, operators, secrets, status);
        }
    }
}
