// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * @param dailyQuota Lookups the profile allows per day (required)
 * @param day The Italian calendar day counted (format date, required)
 * @param remaining Lookups left today (required)
 * @param resetsInSeconds Seconds until the quota resets (Italian midnight) (required)
 * @param used Lookups made today (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Usage(
        @JsonProperty("dailyQuota") Integer dailyQuota,
        @JsonProperty("day") String day,
        @JsonProperty("remaining") Integer remaining,
        @JsonProperty("resetsInSeconds") Integer resetsInSeconds,
        @JsonProperty("used") Integer used) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.dailyQuota = dailyQuota;
        b.day = day;
        b.remaining = remaining;
        b.resetsInSeconds = resetsInSeconds;
        b.used = used;
        return b;
    }

    /** Builds {@link Usage}. */
    public static final class Builder {
        private Integer dailyQuota;
        private String day;
        private Integer remaining;
        private Integer resetsInSeconds;
        private Integer used;

        private Builder() {
        }

        /** Lookups the profile allows per day (required) */
        public Builder dailyQuota(Integer dailyQuota) {
            this.dailyQuota = dailyQuota;
            return this;
        }

        /** The Italian calendar day counted (format date, required) */
        public Builder day(String day) {
            this.day = day;
            return this;
        }

        /** Lookups left today (required) */
        public Builder remaining(Integer remaining) {
            this.remaining = remaining;
            return this;
        }

        /** Seconds until the quota resets (Italian midnight) (required) */
        public Builder resetsInSeconds(Integer resetsInSeconds) {
            this.resetsInSeconds = resetsInSeconds;
            return this;
        }

        /** Lookups made today (required) */
        public Builder used(Integer used) {
            this.used = used;
            return this;
        }

        public Usage build() {
            Objects.requireNonNull(dailyQuota, "dailyQuota is required");
            Objects.requireNonNull(day, "day is required");
            Objects.requireNonNull(remaining, "remaining is required");
            Objects.requireNonNull(resetsInSeconds, "resetsInSeconds is required");
            Objects.requireNonNull(used, "used is required");
            return new Usage(dailyQuota, day, remaining, resetsInSeconds, used);
        }
    }
}
