// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A checkpoint line that does not verify.
 * <p>
 * @param line Line number in the checkpoint file. (required)
 * @param message What is wrong with it. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CheckpointLineView(
        @JsonProperty("line") Integer line,
        @JsonProperty("message") String message) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.line = line;
        b.message = message;
        return b;
    }

    /** Builds {@link CheckpointLineView}. */
    public static final class Builder {
        private Integer line;
        private String message;

        private Builder() {
        }

        /** Line number in the checkpoint file. (required) */
        public Builder line(Integer line) {
            this.line = line;
            return this;
        }

        /** What is wrong with it. (required) */
        public Builder message(String message) {
            this.message = message;
            return this;
        }

        public CheckpointLineView build() {
            Objects.requireNonNull(line, "line is required");
            Objects.requireNonNull(message, "message is required");
            return new CheckpointLineView(line, message);
        }
    }
}
