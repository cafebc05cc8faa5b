// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A public key that verifies GeRes access tokens (RFC 7517).
 * <p>
 * @param alg Signature algorithm. (required)
 * @param crv EC keys: the curve.
 * @param e RSA keys: public exponent (base64url).
 * @param kid Key id, the RFC 7638 thumbprint; matches the <code>kid</code> of the token header. (required)
 * @param kty Key type. (required)
 * @param n RSA keys: modulus (base64url).
 * @param use Always sig. (required)
 * @param x EC keys: x coordinate (base64url).
 * @param y EC keys: y coordinate (base64url).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Jwk(
        @JsonProperty("alg") Alg alg,
        @JsonProperty("crv") String crv,
        @JsonProperty("e") String e,
        @JsonProperty("kid") String kid,
        @JsonProperty("kty") Kty kty,
        @JsonProperty("n") String n,
        @JsonProperty("use") Use use,
        @JsonProperty("x") String x,
        @JsonProperty("y") String y) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.alg = alg;
        b.crv = crv;
        b.e = e;
        b.kid = kid;
        b.kty = kty;
        b.n = n;
        b.use = use;
        b.x = x;
        b.y = y;
        return b;
    }

    /**
     * Signature algorithm.
     */
    public static enum Alg {
        @JsonProperty("ES256")
        ES256("ES256"),

        @JsonProperty("RS256")
        RS256("RS256");

        private final String value;

        Alg(String value) {
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
        public static Alg fromValue(String value) {
            for (Alg candidate : values()) {
                if (candidate.value.equals(value)) {
                    return candidate;
                }
            }
            return null;
        }
    }

    /**
     * Key type.
     */
    public static enum Kty {
        @JsonProperty("EC")
        EC("EC"),

        @JsonProperty("RSA")
        RSA("RSA");

        private final String value;

        Kty(String value) {
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
        public static Kty fromValue(String value) {
            for (Kty candidate : values()) {
                if (candidate.value.equals(value)) {
                    return candidate;
                }
            }
            return null;
        }
    }

    /**
     * Always sig.
     */
    public static enum Use {
        @JsonProperty("sig")
        SIG("sig");

        private final String value;

        Use(String value) {
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
        public static Use fromValue(String value) {
            for (Use candidate : values()) {
                if (candidate.value.equals(value)) {
                    return candidate;
                }
            }
            return null;
        }
    }

    /** Builds {@link Jwk}. */
    public static final class Builder {
        private Alg alg;
        private String crv;
        private String e;
        private String kid;
        private Kty kty;
        private String n;
        private Use use;
        private String x;
        private String y;

        private Builder() {
        }

        /** Signature algorithm. (required) */
        public Builder alg(Alg alg) {
            this.alg = alg;
            return this;
        }

        /** EC keys: the curve. */
        public Builder crv(String crv) {
            this.crv = crv;
            return this;
        }

        /** RSA keys: public exponent (base64url). */
        public Builder e(String e) {
            this.e = e;
            return this;
        }

        /** Key id, the RFC 7638 thumbprint; matches the <code>kid</code> of the token header. (required) */
        public Builder kid(String kid) {
            this.kid = kid;
            return this;
        }

        /** Key type. (required) */
        public Builder kty(Kty kty) {
            this.kty = kty;
            return this;
        }

        /** RSA keys: modulus (base64url). */
        public Builder n(String n) {
            this.n = n;
            return this;
        }

        /** Always sig. (required) */
        public Builder use(Use use) {
            this.use = use;
            return this;
        }

        /** EC keys: x coordinate (base64url). */
        public Builder x(String x) {
            this.x = x;
            return this;
        }

        /** EC keys: y coordinate (base64url). */
        public Builder y(String y) {
            this.y = y;
            return this;
        }

        public Jwk build() {
            Objects.requireNonNull(alg, "alg is required");
            Objects.requireNonNull(kid, "kid is required");
            Objects.requireNonNull(kty, "kty is required");
            Objects.requireNonNull(use, "use is required");
            return new Jwk(alg, crv, e, kid, kty, n, use, x, y);
        }
    }
}
