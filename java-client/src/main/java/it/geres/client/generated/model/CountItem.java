// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A count under a key.
 * <p>
 * @param count How many. (required)
 * @param key What is counted: an outcome, a visura type, a day, an Ente or user id. (required)
 * @param label A readable name for the key (Ente name, username), when there is one. (required, may be null)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CountItem(
        @JsonProperty("count") Integer count,
        @JsonProperty("key") String key,
        @JsonProperty("label") String label) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.count = count;
        b.key = key;
        b.label = label;
        return b;
    }

    /** Builds {@link CountItem}. */
    public static final class Builder {
        private Integer count;
        private String key;
        private String label;

        private Builder() {
        }

        /** How many. (required) */
        public Builder count(Integer count) {
            this.count = count;
            return this;
        }

        /** What is counted: an outcome, a visura type, a day, an Ente or user id. (required) */
        public Builder key(String key) {
            this.key = key;
            return this;
        }

        /** A readable name for the key (Ente name, username), when there is one. (required, may be null) */
        public Builder label(String label) {
            this.label = label;
            return this;
        }

        public CountItem build() {
            Objects.requireNonNull(count, "count is required");
            Objects.requireNonNull(key, "key is required");
            Objects.requireNonNull(label, "label is required");
            return new CountItem(count, key, label);
        }
    }
}
