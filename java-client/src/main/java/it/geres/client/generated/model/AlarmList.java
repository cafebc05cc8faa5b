// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Alarms in a period, newest day first.
 * <p>
 * @param from First day examined. (format date, required)
 * @param items The alarms. (required)
 * @param to Last day examined. (format date, required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlarmList(
        @JsonProperty("from") String from,
        @JsonProperty("items") java.util.List<AlarmView> items,
        @JsonProperty("to") String to) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.from = from;
        b.items = items;
        b.to = to;
        return b;
    }

    /** Builds {@link AlarmList}. */
    public static final class Builder {
        private String from;
        private java.util.List<AlarmView> items;
        private String to;

        private Builder() {
        }

        /** First day examined. (format date, required) */
        public Builder from(String from) {
            this.from = from;
            return this;
        }

        /** The alarms. (required) */
        public Builder items(java.util.List<AlarmView> items) {
            this.items = items;
            return this;
        }

        /** The alarms. (required) */
        public Builder items(AlarmView... items) {
            this.items = java.util.List.of(items);
            return this;
        }

        /** Last day examined. (format date, required) */
        public Builder to(String to) {
            this.to = to;
            return this;
        }

        public AlarmList build() {
            Objects.requireNonNull(from, "from is required");
            Objects.requireNonNull(items, "items is required");
            Objects.requireNonNull(to, "to is required");
            return new AlarmList(from, items, to);
        }
    }
}
