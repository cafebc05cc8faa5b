// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A Comune the caller works with today, with the policies that decide how their requests are handled there.
 * <p>
 * @param codiceIstat ISTAT code. (required)
 * @param nome Name. (required)
 * @param nonResidentVisuraPolicy How the Comune handles visure on non-residents asked by municipal offices with national permission. (required)
 * @param own True for the caller's own Comune (a TOP user's), false for a Comune agreed by convenzione. (required)
 * @param silentConsentHours Hours after which a deferred request is approved by silent consent. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MeComune(
        @JsonProperty("codiceIstat") String codiceIstat,
        @JsonProperty("nome") String nome,
        @JsonProperty("nonResidentVisuraPolicy") NonResidentVisuraPolicy nonResidentVisuraPolicy,
        @JsonProperty("own") Boolean own,
        @JsonProperty("silentConsentHours") Integer silentConsentHours) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.codiceIstat = codiceIstat;
        b.nome = nome;
        b.nonResidentVisuraPolicy = nonResidentVisuraPolicy;
        b.own = own;
        b.silentConsentHours = silentConsentHours;
        return b;
    }

    /** Builds {@link MeComune}. */
    public static final class Builder {
        private String codiceIstat;
        private String nome;
        private NonResidentVisuraPolicy nonResidentVisuraPolicy;
        private Boolean own;
        private Integer silentConsentHours;

        private Builder() {
        }

        /** ISTAT code. (required) */
        public Builder codiceIstat(String codiceIstat) {
            this.codiceIstat = codiceIstat;
            return this;
        }

        /** Name. (required) */
        public Builder nome(String nome) {
            this.nome = nome;
            return this;
        }

        /** How the Comune handles visure on non-residents asked by municipal offices with national permission. (required) */
        public Builder nonResidentVisuraPolicy(NonResidentVisuraPolicy nonResidentVisuraPolicy) {
            this.nonResidentVisuraPolicy = nonResidentVisuraPolicy;
            return this;
        }

        /** True for the caller's own Comune (a TOP user's), false for a Comune agreed by convenzione. (required) */
        public Builder own(Boolean own) {
            this.own = own;
            return this;
        }

        /** Hours after which a deferred request is approved by silent consent. (required) */
        public Builder silentConsentHours(Integer silentConsentHours) {
            this.silentConsentHours = silentConsentHours;
            return this;
        }

        public MeComune build() {
            Objects.requireNonNull(codiceIstat, "codiceIstat is required");
            Objects.requireNonNull(nome, "nome is required");
            Objects.requireNonNull(nonResidentVisuraPolicy, "nonResidentVisuraPolicy is required");
            Objects.requireNonNull(own, "own is required");
            Objects.requireNonNull(silentConsentHours, "silentConsentHours is required");
            return new MeComune(codiceIstat, nome, nonResidentVisuraPolicy, own, silentConsentHours);
        }
    }
}
