// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The process is up.
 * <p>
 * @param status (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Liveness(
        @JsonProperty("status") Status status) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.status = status;
        return b;
    }

    /**
     *
     */
    public static enum Status {
        @JsonProperty("ok")
        OK("ok");

        private final String value;

        Status(String value) {
            this.value = value;
        }

        /** The value on the wire. */
        public String value() {
            return value;
        }

        /** The value on the wire, so that query parameters carry it. */
        @Override
        public String toString() {
            return value;
        }

        /** The constant for a wire value; {@code null} for a value this client does not know. */
        public static Status fromValue(String value) {
            for (Status candidate : values()) {
                if (candidate.value.equals(value)) {
                    return candidate;
                }
            }
            return null;
        }
    }

    /** Builds {@link Liveness}. */
    public static final class Builder {
        private Status status;

        private Builder() {
        }

        /** (required) */
        public Builder status(Status status) {
            this.status = status;
            return this;
        }

        public Liveness build() {
            Objects.requireNonNull(status, "status is required");
            return new Liveness(status);
        }
    }
}
