// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One reason a request (or a row of an imported file) was refused.
 * <p>
 * @param field The field at fault, as a dotted path into the request body (e.g. <code>convenzione.validFrom</code>) or a CSV column. Absent when the error concerns a whole row.
 * @param message What is wrong with it, in English. (required)
 * @param row CSV imports only: the 1-based line of the file (the header is line 1).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProblemFieldError(
        @JsonProperty("field") String field,
        @JsonProperty("message") String message,
        @JsonProperty("row") Integer row) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.field = field;
        b.message = message;
        b.row = row;
        return b;
    }

    /** Builds {@link ProblemFieldError}. */
    public static final class Builder {
        private String field;
        private String message;
        private Integer row;

        private Builder() {
        }

        /** The field at fault, as a dotted path into the request body (e.g. <code>convenzione.validFrom</code>) or a CSV column. Absent when the error concerns a whole row. */
        public Builder field(String field) {
            this.field = field;
            return this;
        }

        /** What is wrong with it, in English. (required) */
        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /** CSV imports only: the 1-based line of the file (the header is line 1). */
        public Builder row(Integer row) {
            this.row = row;
            return this;
        }

        public ProblemFieldError build() {
            Objects.requireNonNull(message, "message is required");
            return new ProblemFieldError(field, message, row);
        }
    }
}
