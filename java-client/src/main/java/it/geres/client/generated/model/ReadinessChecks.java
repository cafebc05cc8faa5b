// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The state of each dependency: <code>ok</code>, <code>down</code> (the reason is in the gateway log) or <code>not configured</code>.
 * <p>
 * @param database The database. (required)
 * @param redis Redis (shared counters), when configured. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReadinessChecks(
        @JsonProperty("database") String database,
        @JsonProperty("redis") String redis) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.database = database;
        b.redis = redis;
        return b;
    }

    /** Builds {@link ReadinessChecks}. */
    public static final class Builder {
        private String database;
        private String redis;

        private Builder() {
        }

        /** The database. (required) */
        public Builder database(String database) {
            this.database = database;
            return this;
        }

        /** Redis (shared counters), when configured. (required) */
        public Builder redis(String redis) {
            this.redis = redis;
            return this;
        }

        public ReadinessChecks build() {
            Objects.requireNonNull(database, "database is required");
            Objects.requireNonNull(redis, "redis is required");
            return new ReadinessChecks(database, redis);
        }
    }
}
