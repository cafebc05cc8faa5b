// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A new application of the caller's Ente.
 * <p>
 * @param name Name. (required)
 * @param operatorIds Ids of the users of the Ente the application may act for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateApplicationRequest(
        @JsonProperty("name") String name,
        @JsonProperty("operatorIds") java.util.List<String> operatorIds) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.operatorIds = operatorIds;
        return b;
    }

    /** Builds {@link CreateApplicationRequest}. */
    public static final class Builder {
        private String name;
        private java.util.List<String> operatorIds;

        private Builder() {
        }

        /** Name. (required) */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Ids of the users of the Ente the application may act for. */
        public Builder operatorIds(java.util.List<String> operatorIds) {
            this.operatorIds = operatorIds;
            return this;
        }

        /** Ids of the users of the Ente the application may act for. */
        public Builder operatorIds(String... operatorIds) {
            this.operatorIds = java.util.List.of(operatorIds);
            return this;
        }

        public CreateApplicationRequest build() {
            Objects.requireNonNull(name, "name is required");
            return new CreateApplicationRequest(name, operatorIds);
        }
    }
}
