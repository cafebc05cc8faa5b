// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The Enti in the caller's area, by name.
 * <p>
 * @param items (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnteList(
        @JsonProperty("items") java.util.List<EnteView> items) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.items = items;
        return b;
    }

    /** Builds {@link EnteList}. */
    public static final class Builder {
        private java.util.List<EnteView> items;

        private Builder() {
        }

        /** (required) */
        public Builder items(java.util.List<EnteView> items) {
            this.items = items;
            return this;
        }

        /** (required) */
        public Builder items(EnteView... items) {
            this.items = java.util.List.of(items);
            return this;
        }

        public EnteList build() {
            Objects.requireNonNull(items, "items is required");
            return new EnteList(items);
        }
    }
}
