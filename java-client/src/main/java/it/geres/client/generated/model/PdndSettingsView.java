// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A Comune's PDND client settings; the private key is a reference, never the key.
 * <p>
 * @param audienceBaseUrl Base URL from which the audiences of the ANPR e-services are formed. (required)
 * @param clientAssertionAudience Audience of the client assertion sent to PDND. (required)
 * @param clientId The Comune's PDND client id. (required)
 * @param kid Key id of the public key registered on PDND. (required)
 * @param privateKeyRef Private key (RS256) registered on PDND. A <code>file:</code> or <code>env:</code> reference to where the secret is kept, never the secret itself. (required)
 * @param purposes PDND purpose id per ANPR e-service code. (required)
 * @param tokenUrl PDND token endpoint. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PdndSettingsView(
        @JsonProperty("audienceBaseUrl") String audienceBaseUrl,
        @JsonProperty("clientAssertionAudience") String clientAssertionAudience,
        @JsonProperty("clientId") String clientId,
        @JsonProperty("kid") String kid,
        @JsonProperty("privateKeyRef") String privateKeyRef,
        @JsonProperty("purposes") java.util.Map<String, String> purposes,
        @JsonProperty("tokenUrl") String tokenUrl) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.audienceBaseUrl = audienceBaseUrl;
        b.clientAssertionAudience = clientAssertionAudience;
        b.clientId = clientId;
        b.kid = kid;
        b.privateKeyRef = privateKeyRef;
        b.purposes = purposes;
        b.tokenUrl = tokenUrl;
        return b;
    }

    /** Builds {@link PdndSettingsView}. */
    public static final class Builder {
        private String audienceBaseUrl;
        private String clientAssertionAudience;
        private String clientId;
        private String kid;
        private String privateKeyRef;
        private java.util.Map<String, String> purposes;
        private String tokenUrl;

        private Builder() {
        }

        /** Base URL from which the audiences of the ANPR e-services are formed. (required) */
        public Builder audienceBaseUrl(String audienceBaseUrl) {
            this.audienceBaseUrl = audienceBaseUrl;
            return this;
        }

        /** Audience of the client assertion sent to PDND. (required) */
        public Builder clientAssertionAudience(String clientAssertionAudience) {
            this.clientAssertionAudience = clientAssertionAudience;
            return this;
        }

        /** The Comune's PDND client id. (required) */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /** Key id of the public key registered on PDND. (required) */
        public Builder kid(String kid) {
            this.kid = kid;
            return this;
        }

        /** Private key (RS256) registered on PDND. A <code>file:</code> or <code>env:</code> reference to where the secret is kept, never the secret itself. (required) */
        public Builder privateKeyRef(String privateKeyRef) {
            this.privateKeyRef = privateKeyRef;
            return this;
        }

        /** PDND purpose id per ANPR e-service code. (required) */
        public Builder purposes(java.util.Map<String, String> purposes) {
            this.purposes = purposes;
            return this;
        }

        /** PDND token endpoint. (required) */
        public Builder tokenUrl(String tokenUrl) {
            this.tokenUrl = tokenUrl;
            return this;
        }

        public PdndSettingsView build() {
            Objects.requireNonNull(audienceBaseUrl, "audienceBaseUrl is required");
            Objects.requireNonNull(clientAssertionAudience, "clientAssertionAudience is required");
            Objects.requireNonNull(clientId, "clientId is required");
            Objects.requireNonNull(kid, "kid is required");
            Objects.requireNonNull(privateKeyRef, "privateKeyRef is required");
            Objects.requireNonNull(purposes, "purposes is required");
            Objects.requireNonNull(tokenUrl, "tokenUrl is required");
            return new PdndSettingsView(audienceBaseUrl, clientAssertionAudience, clientId, kid, privateKeyRef, purposes, tokenUrl);
        }
    }
}
