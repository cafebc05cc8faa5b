// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The search criterion of a lookup, as recorded.
 * <p>
 * @param type Kind of criterion. (required)
 * @param value The value searched for. (required, may be null)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuditCriterionView(
        @JsonProperty("type") String type,
        @JsonProperty("value") String value) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.type = type;
        b.value = value;
        return b;
    }

    /** Builds {@link AuditCriterionView}. */
    public static final class Builder {
        private String type;
        private String value;

        private Builder() {
        }

        /** Kind of criterion. (required) */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /** The value searched for. (required, may be null) */
        public Builder value(String value) {
            this.value = value;
            return this;
        }

        public AuditCriterionView build() {
            Objects.requireNonNull(type, "type is required");
            Objects.requireNonNull(value, "value is required");
            return new AuditCriterionView(type, value);
        }
    }
}
