// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The complete list of operators (it replaces the current one).
 * <p>
 * @param operatorIds Ids of the users of the Ente the application may act for. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SetOperatorsRequest(
        @JsonProperty("operatorIds") java.util.List<String> operatorIds) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.operatorIds = operatorIds;
        return b;
    }

    /** Builds {@link SetOperatorsRequest}. */
    public static final class Builder {
        private java.util.List<String> operatorIds;

        private Builder() {
        }

        /** Ids of the users of the Ente the application may act for. (required) */
        public Builder operatorIds(java.util.List<String> operatorIds) {
            this.operatorIds = operatorIds;
            return this;
        }

        /** Ids of the users of the Ente the application may act for. (required) */
        public Builder operatorIds(String... operatorIds) {
            this.operatorIds = java.util.List.of(operatorIds);
            return this;
        }

        public SetOperatorsRequest build() {
            Objects.requireNonNull(operatorIds, "operatorIds is required");
            return new SetOperatorsRequest(operatorIds);
        }
    }
}
