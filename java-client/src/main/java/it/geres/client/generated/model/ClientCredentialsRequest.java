// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * OAuth2 client-credentials grant (RFC 6749 §4.4) for applications, or token exchange (RFC 8693) for the consumer services (visure, rivestizione, console). Give client_id and client_secret here, or leave them out and authenticate with HTTP Basic.
 * <p>
 * @param actorToken Token exchange: the approving mediator's own access token; the new grant carries that mediator.
 * @param actorTokenType Token exchange: the kind of actor_token.
 * @param clientId The application's client id (unless sent with HTTP Basic).
 * @param clientSecret One of its client secrets (unless sent with HTTP Basic). (format password)
 * @param comune Token exchange with mediation=silent: ISTAT code of the Comune whose silent consent applies.
 * @param grantType client_credentials for an application; the token-exchange grant for a consumer service. (required)
 * @param mediation Token exchange: <code>silent</code> asks for the Comune's silent consent on a stored grant (granted once its hours have passed).
 * @param requestedLifetime Token exchange: seconds the grant should live (capped by the gateway; a deferred request asks for long enough to be processed).
 * @param subjectToken Token exchange: the token of the person the service acts for, or a grant the service stored for a deferred request.
 * @param subjectTokenType Token exchange: the kind of subject_token.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientCredentialsRequest(
        @JsonProperty("actor_token") String actorToken,
        @JsonProperty("actor_token_type") ActorTokenType actorTokenType,
        @JsonProperty("client_id") String clientId,
        @JsonProperty("client_secret") String clientSecret,
        @JsonProperty("comune") String comune,
        @JsonProperty("grant_type") GrantType grantType,
        @JsonProperty("mediation") Mediation mediation,
        @JsonProperty("requested_lifetime") String requestedLifetime,
        @JsonProperty("subject_token") String subjectToken,
        @JsonProperty("subject_token_type") SubjectTokenType subjectTokenType) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.actorToken = actorToken;
        b.actorTokenType = actorTokenType;
        b.clientId = clientId;
        b.clientSecret = clientSecret;
        b.comune = comune;
        b.grantType = grantType;
        b.mediation = mediation;
        b.requestedLifetime = requestedLifetime;
        b.subjectToken = subjectToken;
        b.subjectTokenType = subjectTokenType;
        return b;
    }

    /**
     * Token exchange: the kind of actor_token.
     */
    public static enum ActorTokenType {
        @JsonProperty("urn:ietf:params:oauth:token-type:access_token")
        URN_IETF_PARAMS_OAUTH_TOKEN_TYPE_ACCESS_TOKEN("urn:ietf:params:oauth:token-type:access_token");

        private final String value;

        ActorTokenType(String value) {
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
        public static ActorTokenType fromValue(String value) {
            for (ActorTokenType candidate : values()) {
                if (candidate.value.equals(value)) {
                    return candidate;
                }
            }
            return null;
        }
    }

    /**
     * client_credentials for an application; the token-exchange grant for a consumer service.
     */
    public static enum GrantType {
        @JsonProperty("client_credentials")
        CLIENT_CREDENTIALS("client_credentials"),

        @JsonProperty("urn:ietf:params:oauth:grant-type:token-exchange")
        URN_IETF_PARAMS_OAUTH_GRANT_TYPE_TOKEN_EXCHANGE("urn:ietf:params:oauth:grant-type:token-exchange");

        private final String value;

        GrantType(String value) {
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
        public static GrantType fromValue(String value) {
            for (GrantType candidate : values()) {
                if (candidate.value.equals(value)) {
                    return candidate;
                }
            }
            return null;
        }
    }

    /**
     * Token exchange: <code>silent</code> asks for the Comune's silent consent on a stored grant (granted once its hours have passed).
     */
    public static enum Mediation {
        @JsonProperty("silent")
        SILENT("silent");

        private final String value;

        Mediation(String value) {
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
        public static Mediation fromValue(String value) {
            for (Mediation candidate : values()) {
                if (candidate.value.equals(value)) {
                    return candidate;
                }
            }
            return null;
        }
    }

    /**
     * Token exchange: the kind of subject_token.
     */
    public static enum SubjectTokenType {
        @JsonProperty("urn:ietf:params:oauth:token-type:access_token")
        URN_IETF_PARAMS_OAUTH_TOKEN_TYPE_ACCESS_TOKEN("urn:ietf:params:oauth:token-type:access_token");

        private final String value;

        SubjectTokenType(String value) {
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
        public static SubjectTokenType fromValue(String value) {
            for (SubjectTokenType candidate : values()) {
                if (candidate.value.equals(value)) {
                    return candidate;
                }
            }
            return null;
        }
    }

    /** Builds {@link ClientCredentialsRequest}. */
    public static final class Builder {
        private String actorToken;
        private ActorTokenType actorTokenType;
        private String clientId;
        private String clientSecret;
        private String comune;
        private GrantType grantType;
        private Mediation mediation;
        private String requestedLifetime;
        private String subjectToken;
        private SubjectTokenType subjectTokenType;

        private Builder() {
        }

        /** Token exchange: the approving mediator's own access token; the new grant carries that mediator. */
        public Builder actorToken(String actorToken) {
            this.actorToken = actorToken;
            return this;
        }

        /** Token exchange: the kind of actor_token. */
        public Builder actorTokenType(ActorTokenType actorTokenType) {
            this.actorTokenType = actorTokenType;
            return this;
        }

        /** The application's client id (unless sent with HTTP Basic). */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /** One of its client secrets (unless sent with HTTP Basic). (format password) */
        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        /** Token exchange with mediation=silent: ISTAT code of the Comune whose silent consent applies. */
        public Builder comune(String comune) {
            this.comune = comune;
            return this;
        }

        /** client_credentials for an application; the token-exchange grant for a consumer service. (required) */
        public Builder grantType(GrantType grantType) {
            this.grantType = grantType;
            return this;
        }

        /** Token exchange: <code>silent</code> asks for the Comune's silent consent on a stored grant (granted once its hours have passed). */
        public Builder mediation(Mediation mediation) {
            this.mediation = mediation;
            return this;
        }

        /** Token exchange: seconds the grant should live (capped by the gateway; a deferred request asks for long enough to be processed). */
        public Builder requestedLifetime(String requestedLifetime) {
            this.requestedLifetime = requestedLifetime;
            return this;
        }

        /** Token exchange: the token of the person the service acts for, or a grant the service stored for a deferred request. */
        public Builder subjectToken(String subjectToken) {
            this.subjectToken = subjectToken;
            return this;
        }

        /** Token exchange: the kind of subject_token. */
        public Builder subjectTokenType(SubjectTokenType subjectTokenType) {
            this.subjectTokenType = subjectTokenType;
            return this;
        }

        public ClientCredentialsRequest build() {
            Objects.requireNonNull(grantType, "grant_type is required");
            return new ClientCredentialsRequest(actorToken, actorTokenType, clientId, clientSecret, comune, grantType, mediation, requestedLifetime, subjectToken, subjectTokenType);
        }
    }
}
