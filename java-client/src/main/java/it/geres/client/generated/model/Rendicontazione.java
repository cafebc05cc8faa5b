// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The rendicontazione of a Comune for a period (R-VIS-11): the basis to split the annual fee.
 * <p>
 * @param comune ISTAT code of the Comune. (required)
 * @param from First day counted. (format date, required)
 * @param lines One line per Ente, most lookups first. (required)
 * @param to Last day counted. (format date, required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Rendicontazione(
        @JsonProperty("comune") String comune,
        @JsonProperty("from") String from,
        @JsonProperty("lines") java.util.List<RendicontazioneLine> lines,
        @JsonProperty("to") String to) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.comune = comune;
        b.from = from;
        b.lines = lines;
        b.to = to;
        return b;
    }

    /** Builds {@link Rendicontazione}. */
    public static final class Builder {
        private String comune;
        private String from;
        private java.util.List<RendicontazioneLine> lines;
        private String to;

        private Builder() {
        }

        /** ISTAT code of the Comune. (required) */
        public Builder comune(String comune) {
            this.comune = comune;
            return this;
        }

        /** First day counted. (format date, required) */
        public Builder from(String from) {
            this.from = from;
            return this;
        }

        /** One line per Ente, most lookups first. (required) */
        public Builder lines(java.util.List<RendicontazioneLine> lines) {
            this.lines = lines;
            return this;
        }

        /** One line per Ente, most lookups first. (required) */
        public Builder lines(RendicontazioneLine... lines) {
            this.lines = java.util.List.of(lines);
            return this;
        }

        /** Last day counted. (format date, required) */
        public Builder to(String to) {
            this.to = to;
            return this;
        }

        public Rendicontazione build() {
            Objects.requireNonNull(comune, "comune is required");
            Objects.requireNonNull(from, "from is required");
            Objects.requireNonNull(lines, "lines is required");
            Objects.requireNonNull(to, "to is required");
            return new Rendicontazione(comune, from, lines, to);
        }
    }
}
