// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The settings to change; the others stay as they are. Secrets are given as references, never as values.
 * <p>
 * @param alarmNightEnd End of the suspicious-hours window (local time, HH:MM).
 * @param alarmNightStart Start of the suspicious-hours window (local time, HH:MM).
 * @param alarmRepeatThreshold Requests on one subject per day above which an alarm is raised.
 * @param anprChannel Channel used for lookups.
 * @param anprEnvironment ANPR environment the Comune's requests go to.
 * @param anprIdApplicazione IdApplicazione sent to ANPR.
 * @param anprOperatorIds ANPR operator ids of the registry office that GeRes may use.
 * @param anprPdnd PDND client settings, for the pdnd channel.
 * @param anprPdndUrl ANPR PDND endpoint, to override the environment's default.
 * @param anprPostazioneId The Comune's own ANPR workstation (IdPostazione), used for callers without one of their own.
 * @param anprPostazioneKeystorePasswordRef Password of that keystore. A <code>file:</code> or <code>env:</code> reference to where the secret is kept (e.g. <code>file:/run/secrets/comune.p12</code>), never the secret itself.
 * @param anprPostazioneKeystoreRef Keystore of the Comune's ANPR workstation. A <code>file:</code> or <code>env:</code> reference to where the secret is kept (e.g. <code>file:/run/secrets/comune.p12</code>), never the secret itself.
 * @param anprSoapService SOAP service used for lookups.
 * @param anprSoapUrl ANPR SOAP endpoint, to override the environment's default.
 * @param anprTlsCaRef PEM file of the CAs trusted for the ANPR endpoint.
 * @param anprTlsKeystorePasswordRef Password of the mutual-TLS keystore. A <code>file:</code> or <code>env:</code> reference to where the secret is kept (e.g. <code>file:/run/secrets/comune.p12</code>), never the secret itself.
 * @param anprTlsKeystoreRef PKCS#12 keystore for mutual TLS to ANPR. A <code>file:</code> or <code>env:</code> reference to where the secret is kept (e.g. <code>file:/run/secrets/comune.p12</code>), never the secret itself.
 * @param defaultAnprOperatorId Operator used when the caller is not a mediator; must be one of anprOperatorIds.
 * @param keystorePasswordRef The keystore password. A <code>file:</code> or <code>env:</code> reference to where the secret is kept (e.g. <code>file:/run/secrets/comune.p12</code>), never the secret itself.
 * @param keystoreRef The Comune's PKCS#12 keystore. A <code>file:</code> or <code>env:</code> reference to where the secret is kept (e.g. <code>file:/run/secrets/comune.p12</code>), never the secret itself.
 * @param nonResidentVisuraPolicy How visure on non-residents are handled.
 * @param silentConsentHours Hours after which a pending request is approved by silent consent.
 * @param silentConsentMediator Username of the mediator (an active user of this Comune with the mediator function and an ANPR operator id) under whose identity silent consent processes requests.
 * @param workstationPolicy Whether calls must come from authorised workstations.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpdateComuneSettingsRequest(
        @JsonProperty("alarmNightEnd") String alarmNightEnd,
        @JsonProperty("alarmNightStart") String alarmNightStart,
        @JsonProperty("alarmRepeatThreshold") Integer alarmRepeatThreshold,
        @JsonProperty("anprChannel") AnprChannel anprChannel,
        @JsonProperty("anprEnvironment") AnprEnvironment anprEnvironment,
        @JsonProperty("anprIdApplicazione") String anprIdApplicazione,
        @JsonProperty("anprOperatorIds") java.util.List<String> anprOperatorIds,
        @JsonProperty("anprPdnd") PdndSettingsInput anprPdnd,
        @JsonProperty("anprPdndUrl") String anprPdndUrl,
        @JsonProperty("anprPostazioneId") String anprPostazioneId,
        @JsonProperty("anprPostazioneKeystorePasswordRef") String anprPostazioneKeystorePasswordRef,
        @JsonProperty("anprPostazioneKeystoreRef") String anprPostazioneKeystoreRef,
        @JsonProperty("anprSoapService") AnprSoapService anprSoapService,
        @JsonProperty("anprSoapUrl") String anprSoapUrl,
        @JsonProperty("anprTlsCaRef") String anprTlsCaRef,
        @JsonProperty("anprTlsKeystorePasswordRef") String anprTlsKeystorePasswordRef,
        @JsonProperty("anprTlsKeystoreRef") String anprTlsKeystoreRef,
        @JsonProperty("defaultAnprOperatorId") String defaultAnprOperatorId,
        @JsonProperty("keystorePasswordRef") String keystorePasswordRef,
        @JsonProperty("keystoreRef") String keystoreRef,
        @JsonProperty("nonResidentVisuraPolicy") NonResidentVisuraPolicy nonResidentVisuraPolicy,
        @JsonProperty("silentConsentHours") Integer silentConsentHours,
        @JsonProperty("silentConsentMediator") String silentConsentMediator,
        @JsonProperty("workstationPolicy") WorkstationPolicy workstationPolicy) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.alarmNightEnd = alarmNightEnd;
        b.alarmNightStart = alarmNightStart;
        b.alarmRepeatThreshold = alarmRepeatThreshold;
        b.anprChannel = anprChannel;
        b.anprEnvironment = anprEnvironment;
        b.anprIdApplicazione = anprIdApplicazione;
        b.anprOperatorIds = anprOperatorIds;
        b.anprPdnd = anprPdnd;
        b.anprPdndUrl = anprPdndUrl;
        b.anprPostazioneId = anprPostazioneId;
        b.anprPostazioneKeystorePasswordRef = anprPostazioneKeystorePasswordRef;
        b.anprPostazioneKeystoreRef = anprPostazioneKeystoreRef;
        b.anprSoapService = anprSoapService;
        b.anprSoapUrl = anprSoapUrl;
        b.anprTlsCaRef = anprTlsCaRef;
        b.anprTlsKeystorePasswordRef = anprTlsKeystorePasswordRef;
        b.anprTlsKeystoreRef = anprTlsKeystoreRef;
        b.defaultAnprOperatorId = defaultAnprOperatorId;
        b.keystorePasswordRef = keystorePasswordRef;
        b.keystoreRef = keystoreRef;
        b.nonResidentVisuraPolicy = nonResidentVisuraPolicy;
        b.silentConsentHours = silentConsentHours;
        b.silentConsentMediator = silentConsentMediator;
        b.workstationPolicy = workstationPolicy;
        return b;
    }

    /** Builds {@link UpdateComuneSettingsRequest}. */
    public static final class Builder {
        private String alarmNightEnd;
        private String alarmNightStart;
        private Integer alarmRepeatThreshold;
        private AnprChannel anprChannel;
        private AnprEnvironment anprEnvironment;
        private String anprIdApplicazione;
        private java.util.List<String> anprOperatorIds;
        private PdndSettingsInput anprPdnd;
        private String anprPdndUrl;
        private String anprPostazioneId;
        private String anprPostazioneKeystorePasswordRef;
        private String anprPostazioneKeystoreRef;
        private AnprSoapService anprSoapService;
        private String anprSoapUrl;
        private String anprTlsCaRef;
        private String anprTlsKeystorePasswordRef;
        private String anprTlsKeystoreRef;
        private String defaultAnprOperatorId;
        private String keystorePasswordRef;
        private String keystoreRef;
        private NonResidentVisuraPolicy nonResidentVisuraPolicy;
        private Integer silentConsentHours;
        private String silentConsentMediator;
        private WorkstationPolicy workstationPolicy;

        private Builder() {
        }

        /** End of the suspicious-hours window (local time, HH:MM). */
        public Builder alarmNightEnd(String alarmNightEnd) {
            this.alarmNightEnd = alarmNightEnd;
            return this;
        }

        /** Start of the suspicious-hours window (local time, HH:MM). */
        public Builder alarmNightStart(String alarmNightStart) {
            this.alarmNightStart = alarmNightStart;
            return this;
        }

        /** Requests on one subject per day above which an alarm is raised. */
        public Builder alarmRepeatThreshold(Integer alarmRepeatThreshold) {
            this.alarmRepeatThreshold = alarmRepeatThreshold;
            return this;
        }

        /** Channel used for lookups. */
        public Builder anprChannel(AnprChannel anprChannel) {
            this.anprChannel = anprChannel;
            return this;
        }

        /** ANPR environment the Comune's requests go to. */
        public Builder anprEnvironment(AnprEnvironment anprEnvironment) {
            this.anprEnvironment = anprEnvironment;
            return this;
        }

        /** IdApplicazione sent to ANPR. */
        public Builder anprIdApplicazione(String anprIdApplicazione) {
            this.anprIdApplicazione = anprIdApplicazione;
            return this;
        }

        /** ANPR operator ids of the registry office that GeRes may use. */
        public Builder anprOperatorIds(java.util.List<String> anprOperatorIds) {
            this.anprOperatorIds = anprOperatorIds;
            return this;
        }

        /** ANPR operator ids of the registry office that GeRes may use. */
        public Builder anprOperatorIds(String... anprOperatorIds) {
            this.anprOperatorIds = java.util.List.of(anprOperatorIds);
            return this;
        }

        /** PDND client settings, for the pdnd channel. */
        public Builder anprPdnd(PdndSettingsInput anprPdnd) {
            this.anprPdnd = anprPdnd;
            return this;
        }

        /** ANPR PDND endpoint, to override the environment's default. */
        public Builder anprPdndUrl(String anprPdndUrl) {
            this.anprPdndUrl = anprPdndUrl;
            return this;
        }

        /** The Comune's own ANPR workstation (IdPostazione), used for callers without one of their own. */
        public Builder anprPostazioneId(String anprPostazioneId) {
            this.anprPostazioneId = anprPostazioneId;
            return this;
        }

        /** Password of that keystore. A <code>file:</code> or <code>env:</code> reference to where the secret is kept (e.g. <code>file:/run/secrets/comune.p12</code>), never the secret itself. */
        public Builder anprPostazioneKeystorePasswordRef(String anprPostazioneKeystorePasswordRef) {
            this.anprPostazioneKeystorePasswordRef = anprPostazioneKeystorePasswordRef;
            return this;
        }

        /** Keystore of the Comune's ANPR workstation. A <code>file:</code> or <code>env:</code> reference to where the secret is kept (e.g. <code>file:/run/secrets/comune.p12</code>), never the secret itself. */
        public Builder anprPostazioneKeystoreRef(String anprPostazioneKeystoreRef) {
            this.anprPostazioneKeystoreRef = anprPostazioneKeystoreRef;
            return this;
        }

        /** SOAP service used for lookups. */
        public Builder anprSoapService(AnprSoapService anprSoapService) {
            this.anprSoapService = anprSoapService;
            return this;
        }

        /** ANPR SOAP endpoint, to override the environment's default. */
        public Builder anprSoapUrl(String anprSoapUrl) {
            this.anprSoapUrl = anprSoapUrl;
            return this;
        }

        /** PEM file of the CAs trusted for the ANPR endpoint. */
        public Builder anprTlsCaRef(String anprTlsCaRef) {
            this.anprTlsCaRef = anprTlsCaRef;
            return this;
        }

        /** Password of the mutual-TLS keystore. A <code>file:</code> or <code>env:</code> reference to where the secret is kept (e.g. <code>file:/run/secrets/comune.p12</code>), never the secret itself. */
        public Builder anprTlsKeystorePasswordRef(String anprTlsKeystorePasswordRef) {
            this.anprTlsKeystorePasswordRef = anprTlsKeystorePasswordRef;
            return this;
        }

        /** PKCS#12 keystore for mutual TLS to ANPR. A <code>file:</code> or <code>env:</code> reference to where the secret is kept (e.g. <code>file:/run/secrets/comune.p12</code>), never the secret itself. */
        public Builder anprTlsKeystoreRef(String anprTlsKeystoreRef) {
            this.anprTlsKeystoreRef = anprTlsKeystoreRef;
            return this;
        }

        /** Operator used when the caller is not a mediator; must be one of anprOperatorIds. */
        public Builder defaultAnprOperatorId(String defaultAnprOperatorId) {
            this.defaultAnprOperatorId = defaultAnprOperatorId;
            return this;
        }

        /** The keystore password. A <code>file:</code> or <code>env:</code> reference to where the secret is kept (e.g. <code>file:/run/secrets/comune.p12</code>), never the secret itself. */
        public Builder keystorePasswordRef(String keystorePasswordRef) {
            this.keystorePasswordRef = keystorePasswordRef;
            return this;
        }

        /** The Comune's PKCS#12 keystore. A <code>file:</code> or <code>env:</code> reference to where the secret is kept (e.g. <code>file:/run/secrets/comune.p12</code>), never the secret itself. */
        public Builder keystoreRef(String keystoreRef) {
            this.keystoreRef = keystoreRef;
            return this;
        }

        /** How visure on non-residents are handled. */
        public Builder nonResidentVisuraPolicy(NonResidentVisuraPolicy nonResidentVisuraPolicy) {
            this.nonResidentVisuraPolicy = nonResidentVisuraPolicy;
            return this;
        }

        /** Hours after which a pending request is approved by silent consent. */
        public Builder silentConsentHours(Integer silentConsentHours) {
            this.silentConsentHours = silentConsentHours;
            return this;
        }

        /** Username of the mediator (an active user of this Comune with the mediator function and an ANPR operator id) under whose identity silent consent processes requests. */
        public Builder silentConsentMediator(String silentConsentMediator) {
            this.silentConsentMediator = silentConsentMediator;
            return this;
        }

        /** Whether calls must come from authorised workstations. */
        public Builder workstationPolicy(WorkstationPolicy workstationPolicy) {
            this.workstationPolicy = workstationPolicy;
            return this;
        }

        public UpdateComuneSettingsRequest build() {
            return new UpdateComuneSettingsRequest(alarmNightEnd, alarmNightStart, alarmRepeatThreshold, anprChannel, anprEnvironment, anprIdApplicazione, anprOperatorIds, anprPdnd, anprPdndUrl, anprPostazioneId, anprPostazioneKeystorePasswordRef, anprPostazioneKeystoreRef, anprSoapService, anprSoapUrl, anprTlsCaRef, anprTlsKeystorePasswordRef, anprTlsKeystoreRef, defaultAnprOperatorId, keystorePasswordRef, keystoreRef, nonResidentVisuraPolicy, silentConsentHours, silentConsentMediator, workstationPolicy);
        }
    }
}
