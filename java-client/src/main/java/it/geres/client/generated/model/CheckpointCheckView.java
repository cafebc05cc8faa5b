// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The checkpoint file the chains were checked against.
 * <p>
 * @param file Path of the checkpoint file. (required)
 * @param invalid Lines that do not verify; any makes ok false. (required)
 * @param lines Checkpoint lines read. (required)
 * @param valid Lines whose signature verifies (their chain heads were checked). (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CheckpointCheckView(
        @JsonProperty("file") String file,
        @JsonProperty("invalid") java.util.List<CheckpointLineView> invalid,
        @JsonProperty("lines") Integer lines,
        @JsonProperty("valid") Integer valid) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.file = file;
        b.invalid = invalid;
        b.lines = lines;
        b.valid = valid;
        return b;
    }

    /** Builds {@link CheckpointCheckView}. */
    public static final class Builder {
        private String file;
        private java.util.List<CheckpointLineView> invalid;
        private Integer lines;
        private Integer valid;

        private Builder() {
        }

        /** Path of the checkpoint file. (required) */
        public Builder file(String file) {
            this.file = file;
            return this;
        }

        /** Lines that do not verify; any makes ok false. (required) */
        public Builder invalid(java.util.List<CheckpointLineView> invalid) {
            this.invalid = invalid;
            return this;
        }

        /** Lines that do not verify; any makes ok false. (required) */
        public Builder invalid(CheckpointLineView... invalid) {
            this.invalid = java.util.List.of(invalid);
            return this;
        }

        /** Checkpoint lines read. (required) */
        public Builder lines(Integer lines) {
            this.lines = lines;
            return this;
        }

        /** Lines whose signature verifies (their chain heads were checked). (required) */
        public Builder valid(Integer valid) {
            this.valid = valid;
            return this;
        }

        public CheckpointCheckView build() {
            Objects.requireNonNull(file, "file is required");
            Objects.requireNonNull(invalid, "invalid is required");
            Objects.requireNonNull(lines, "lines is required");
            Objects.requireNonNull(valid, "valid is required");
            return new CheckpointCheckView(file, invalid, lines, valid);
        }
    }
}
