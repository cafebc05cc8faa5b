// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * How a Comune reaches ANPR and the policies it applies. Secrets appear only as references.
 * <p>
 * @param alarmNightEnd End of the suspicious-hours window (local time). (required)
 * @param alarmNightStart Start of the suspicious-hours window (local time). (required)
 * @param alarmRepeatThreshold Requests on one subject per day above which an alarm is raised. (required)
 * @param anprChannel Channel used for lookups. (required)
 * @param anprEnvironment ANPR environment the Comune's requests go to. (required)
 * @param anprIdApplicazione IdApplicazione sent to ANPR. (required)
 * @param anprOperatorIds ANPR operator ids of the registry office that GeRes may use. (required)
 * @param anprPdnd PDND client settings, for the pdnd channel. (required, may be null)
 * @param anprPdndUrl ANPR PDND endpoint; null for the environment's default. (required, may be null)
 * @param anprPostazioneId The Comune's own ANPR workstation (IdPostazione), used for callers without one of their own. (required, may be null)
 * @param anprPostazioneKeystoreRef Keystore of the Comune's ANPR workstation. A <code>file:</code> or <code>env:</code> reference to where the secret is kept, never the secret itself. (required, may be null)
 * @param anprSoapService SOAP service used for lookups. (required)
 * @param anprSoapUrl ANPR SOAP endpoint; null for the environment's default. (required, may be null)
 * @param anprTlsCaRef PEM file of the CAs trusted for the ANPR endpoint. (required, may be null)
 * @param anprTlsKeystoreRef PKCS#12 keystore for mutual TLS to ANPR. A <code>file:</code> or <code>env:</code> reference to where the secret is kept, never the secret itself. (required, may be null)
 * @param defaultAnprOperatorId Operator used when the caller is not a mediator; one of anprOperatorIds. (required, may be null)
 * @param keystorePasswordRef The keystore password. A <code>file:</code> or <code>env:</code> reference to where the secret is kept, never the secret itself. (required, may be null)
 * @param keystoreRef The Comune's PKCS#12 keystore. A <code>file:</code> or <code>env:</code> reference to where the secret is kept, never the secret itself. (required, may be null)
 * @param nonResidentVisuraPolicy How visure on non-residents are handled. (required)
 * @param silentConsentHours Hours after which a pending request is approved by silent consent. (required)
 * @param silentConsentMediator Username of the mediator under whose ANPR identity silent consent processes requests; without one, silent consent never fires. (required, may be null)
 * @param workstationPolicy Whether calls must come from authorised workstations. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComuneSettingsView(
        @JsonProperty("alarmNightEnd") String alarmNightEnd,
        @JsonProperty("alarmNightStart") String alarmNightStart,
        @JsonProperty("alarmRepeatThreshold") Integer alarmRepeatThreshold,
        @JsonProperty("anprChannel") AnprChannel anprChannel,
        @JsonProperty("anprEnvironment") AnprEnvironment anprEnvironment,
        @JsonProperty("anprIdApplicazione") String anprIdApplicazione,
        @JsonProperty("anprOperatorIds") java.util.List<String> anprOperatorIds,
        @JsonProperty("anprPdnd") PdndSettingsView anprPdnd,
        @JsonProperty("anprPdndUrl") String anprPdndUrl,
        @JsonProperty("anprPostazioneId") String anprPostazioneId,
        @JsonProperty("anprPostazioneKeystoreRef") String anprPostazioneKeystoreRef,
        @JsonProperty("anprSoapService") AnprSoapService anprSoapService,
        @JsonProperty("anprSoapUrl") String anprSoapUrl,
        @JsonProperty("anprTlsCaRef") String anprTlsCaRef,
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
        b.anprPostazioneKeystoreRef = anprPostazioneKeystoreRef;
        b.anprSoapService = anprSoapService;
        b.anprSoapUrl = anprSoapUrl;
        b.anprTlsCaRef = anprTlsCaRef;
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

    /** Builds {@link ComuneSettingsView}. */
    public static final class Builder {
        private String alarmNightEnd;
        private String alarmNightStart;
        private Integer alarmRepeatThreshold;
        private AnprChannel anprChannel;
        private AnprEnvironment anprEnvironment;
        private String anprIdApplicazione;
        private java.util.List<String> anprOperatorIds;
        private PdndSettingsView anprPdnd;
        private String anprPdndUrl;
        private String anprPostazioneId;
        private String anprPostazioneKeystoreRef;
        private AnprSoapService anprSoapService;
        private String anprSoapUrl;
        private String anprTlsCaRef;
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

        /** End of the suspicious-hours window (local time). (required) */
        public Builder alarmNightEnd(String alarmNightEnd) {
            this.alarmNightEnd = alarmNightEnd;
            return this;
        }

        /** Start of the suspicious-hours window (local time). (required) */
        public Builder alarmNightStart(String alarmNightStart) {
            this.alarmNightStart = alarmNightStart;
            return this;
        }

        /** Requests on one subject per day above which an alarm is raised. (required) */
        public Builder alarmRepeatThreshold(Integer alarmRepeatThreshold) {
            this.alarmRepeatThreshold = alarmRepeatThreshold;
            return this;
        }

        /** Channel used for lookups. (required) */
        public Builder anprChannel(AnprChannel anprChannel) {
            this.anprChannel = anprChannel;
            return this;
        }

        /** ANPR environment the Comune's requests go to. (required) */
        public Builder anprEnvironment(AnprEnvironment anprEnvironment) {
            this.anprEnvironment = anprEnvironment;
            return this;
        }

        /** IdApplicazione sent to ANPR. (required) */
        public Builder anprIdApplicazione(String anprIdApplicazione) {
            this.anprIdApplicazione = anprIdApplicazione;
            return this;
        }

        /** ANPR operator ids of the registry office that GeRes may use. (required) */
        public Builder anprOperatorIds(java.util.List<String> anprOperatorIds) {
            this.anprOperatorIds = anprOperatorIds;
            return this;
        }

        /** ANPR operator ids of the registry office that GeRes may use. (required) */
        public Builder anprOperatorIds(String... anprOperatorIds) {
            this.anprOperatorIds = java.util.List.of(anprOperatorIds);
            return this;
        }

        /** PDND client settings, for the pdnd channel. (required, may be null) */
        public Builder anprPdnd(PdndSettingsView anprPdnd) {
            this.anprPdnd = anprPdnd;
            return this;
        }

        /** ANPR PDND endpoint; null for the environment's default. (required, may be null) */
        public Builder anprPdndUrl(String anprPdndUrl) {
            this.anprPdndUrl = anprPdndUrl;
            return this;
        }

        /** The Comune's own ANPR workstation (IdPostazione), used for callers without one of their own. (required, may be null) */
        public Builder anprPostazioneId(String anprPostazioneId) {
            this.anprPostazioneId = anprPostazioneId;
            return this;
        }

        /** Keystore of the Comune's ANPR workstation. A <code>file:</code> or <code>env:</code> reference to where the secret is kept, never the secret itself. (required, may be null) */
        public Builder anprPostazioneKeystoreRef(String anprPostazioneKeystoreRef) {
            this.anprPostazioneKeystoreRef = anprPostazioneKeystoreRef;
            return this;
        }

        /** SOAP service used for lookups. (required) */
        public Builder anprSoapService(AnprSoapService anprSoapService) {
            this.anprSoapService = anprSoapService;
            return this;
        }

        /** ANPR SOAP endpoint; null for the environment's default. (required, may be null) */
        public Builder anprSoapUrl(String anprSoapUrl) {
            this.anprSoapUrl = anprSoapUrl;
            return this;
        }

        /** PEM file of the CAs trusted for the ANPR endpoint. (required, may be null) */
        public Builder anprTlsCaRef(String anprTlsCaRef) {
            this.anprTlsCaRef = anprTlsCaRef;
            return this;
        }

        /** PKCS#12 keystore for mutual TLS to ANPR. A <code>file:</code> or <code>env:</code> reference to where the secret is kept, never the secret itself. (required, may be null) */
        public Builder anprTlsKeystoreRef(String anprTlsKeystoreRef) {
            this.anprTlsKeystoreRef = anprTlsKeystoreRef;
            return this;
        }

        /** Operator used when the caller is not a mediator; one of anprOperatorIds. (required, may be null) */
        public Builder defaultAnprOperatorId(String defaultAnprOperatorId) {
            this.defaultAnprOperatorId = defaultAnprOperatorId;
            return this;
        }

        /** The keystore password. A <code>file:</code> or <code>env:</code> reference to where the secret is kept, never the secret itself. (required, may be null) */
        public Builder keystorePasswordRef(String keystorePasswordRef) {
            this.keystorePasswordRef = keystorePasswordRef;
            return this;
        }

        /** The Comune's PKCS#12 keystore. A <code>file:</code> or <code>env:</code> reference to where the secret is kept, never the secret itself. (required, may be null) */
        public Builder keystoreRef(String keystoreRef) {
            this.keystoreRef = keystoreRef;
            return this;
        }

        /** How visure on non-residents are handled. (required) */
        public Builder nonResidentVisuraPolicy(NonResidentVisuraPolicy nonResidentVisuraPolicy) {
            this.nonResidentVisuraPolicy = nonResidentVisuraPolicy;
            return this;
        }

        /** Hours after which a pending request is approved by silent consent. (required) */
        public Builder silentConsentHours(Integer silentConsentHours) {
            this.silentConsentHours = silentConsentHours;
            return this;
        }

        /** Username of the mediator under whose ANPR identity silent consent processes requests; without one, silent consent never fires. (required, may be null) */
        public Builder silentConsentMediator(String silentConsentMediator) {
            this.silentConsentMediator = silentConsentMediator;
            return this;
        }

        /** Whether calls must come from authorised workstations. (required) */
        public Builder workstationPolicy(WorkstationPolicy workstationPolicy) {
            this.workstationPolicy = workstationPolicy;
            return this;
        }

        public ComuneSettingsView build() {
            Objects.requireNonNull(alarmNightEnd, "alarmNightEnd is required");
            Objects.requireNonNull(alarmNightStart, "alarmNightStart is required");
            Objects.requireNonNull(alarmRepeatThreshold, "alarmRepeatThreshold is required");
            Objects.requireNonNull(anprChannel, "anprChannel is required");
            Objects.requireNonNull(anprEnvironment, "anprEnvironment is required");
            Objects.requireNonNull(anprIdApplicazione, "anprIdApplicazione is required");
            Objects.requireNonNull(anprOperatorIds, "anprOperatorIds is required");
            Objects.requireNonNull(anprPdnd, "anprPdnd is required");
            Objects.requireNonNull(anprPdndUrl, "anprPdndUrl is required");
            Objects.requireNonNull(anprPostazioneId, "anprPostazioneId is required");
            Objects.requireNonNull(anprPostazioneKeystoreRef, "anprPostazioneKeystoreRef is required");
            Objects.requireNonNull(anprSoapService, "anprSoapService is required");
            Objects.requireNonNull(anprSoapUrl, "anprSoapUrl is required");
            Objects.requireNonNull(anprTlsCaRef, "anprTlsCaRef is required");
            Objects.requireNonNull(anprTlsKeystoreRef, "anprTlsKeystoreRef is required");
            Objects.requireNonNull(defaultAnprOperatorId, "defaultAnprOperatorId is required");
            Objects.requireNonNull(keystorePasswordRef, "keystorePasswordRef is required");
            Objects.requireNonNull(keystoreRef, "keystoreRef is required");
            Objects.requireNonNull(nonResidentVisuraPolicy, "nonResidentVisuraPolicy is required");
            Objects.requireNonNull(silentConsentHours, "silentConsentHours is required");
            Objects.requireNonNull(silentConsentMediator, "silentConsentMediator is required");
            Objects.requireNonNull(workstationPolicy, "workstationPolicy is required");
            return new ComuneSettingsView(alarmNightEnd, alarmNightStart, alarmRepeatThreshold, anprChannel, anprEnvironment, anprIdApplicazione, anprOperatorIds, anprPdnd, anprPdndUrl, anprPostazioneId, anprPostazioneKeystoreRef, anprSoapService, anprSoapUrl, anprTlsCaRef, anprTlsKeystoreRef, defaultAnprOperatorId, keystorePasswordRef, keystoreRef, nonResidentVisuraPolicy, silentConsentHours, silentConsentMediator, workstationPolicy);
        }
    }
}
