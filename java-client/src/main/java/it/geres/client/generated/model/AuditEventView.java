// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One request recorded in the tamper-evident audit trail, denials included.
 * <p>
 * @param actingService The consumer service (visure, rivestizione, console) that acted for the user under a delegation grant. (required, may be null)
 * @param anprOperationId For a <code>pending</code> intent, the operation id GeRes sent to ANPR (idOperazioneComune / idOperazioneClient); for the outcome of a call, ANPR's own id (idOperazioneANPR). (required, may be null)
 * @param anprOperatorId ANPR operator id the request was made with. (required, may be null)
 * @param applicationId The application, when one called. (format uuid, required, may be null)
 * @param chain Position in the hash chain. (required)
 * @param clientIp Client IP address. (required, may be null)
 * @param criterion The search criterion, for lookups. (required, may be null)
 * @param enteId Their Ente. (format uuid, required, may be null)
 * @param id Id of the event (a decimal number, as a string). (required)
 * @param latencyMs Time spent on the request, in milliseconds. (required, may be null)
 * @param mediatorId The mediator whose approval (or silent consent) the request was made under. (format uuid, required, may be null)
 * @param motivoRichiesta Declared reason (case or protocol number). (required, may be null)
 * @param operation What was asked (an operation id, or method and route for refusals). (required)
 * @param outcome How the request ended. (required)
 * @param outcomeDetail For <code>denied</code>, the rule that denied (or the problem type of a refusal before the lookup ran); for <code>error</code>, the error class and cause; for <code>pending</code>, anpr_call. (required, may be null)
 * @param purpose Declared purpose. (required, may be null)
 * @param requestId The request id. (required)
 * @param sections Sections returned. (required)
 * @param subjects Identifiers (codice fiscale, idANPR) of the subjects in the answer. (required)
 * @param targetComune ISTAT code of the Comune the request concerned. (required, may be null)
 * @param time When the request was handled. (format date-time, required)
 * @param userId The user, or the operator an application acted for. (format uuid, required, may be null)
 * @param username Their username. (required, may be null)
 * @param workstation Workstation code sent by the caller. (required, may be null)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuditEventView(
        @JsonProperty("actingService") String actingService,
        @JsonProperty("anprOperationId") String anprOperationId,
        @JsonProperty("anprOperatorId") String anprOperatorId,
        @JsonProperty("applicationId") String applicationId,
        @JsonProperty("chain") AuditChainPosition chain,
        @JsonProperty("clientIp") String clientIp,
        @JsonProperty("criterion") AuditCriterionView criterion,
        @JsonProperty("enteId") String enteId,
        @JsonProperty("id") String id,
        @JsonProperty("latencyMs") Integer latencyMs,
        @JsonProperty("mediatorId") String mediatorId,
        @JsonProperty("motivoRichiesta") String motivoRichiesta,
        @JsonProperty("operation") String operation,
        @JsonProperty("outcome") AuditOutcome outcome,
        @JsonProperty("outcomeDetail") String outcomeDetail,
        @JsonProperty("purpose") String purpose,
        @JsonProperty("requestId") String requestId,
        @JsonProperty("sections") java.util.List<String> sections,
        @JsonProperty("subjects") java.util.List<String> subjects,
        @JsonProperty("targetComune") String targetComune,
        @JsonProperty("time") String time,
        @JsonProperty("userId") String userId,
        @JsonProperty("username") String username,
        @JsonProperty("workstation") String workstation) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.actingService = actingService;
        b.anprOperationId = anprOperationId;
        b.anprOperatorId = anprOperatorId;
        b.applicationId = applicationId;
        b.chain = chain;
        b.clientIp = clientIp;
        b.criterion = criterion;
        b.enteId = enteId;
        b.id = id;
        b.latencyMs = latencyMs;
        b.mediatorId = mediatorId;
        b.motivoRichiesta = motivoRichiesta;
        b.operation = operation;
        b.outcome = outcome;
        b.outcomeDetail = outcomeDetail;
        b.purpose = purpose;
        b.requestId = requestId;
        b.sections = sections;
        b.subjects = subjects;
        b.targetComune = targetComune;
        b.time = time;
        b.userId = userId;
        b.username = username;
        b.workstation = workstation;
        return b;
    }

    /** Builds {@link AuditEventView}. */
    public static final class Builder {
        private String actingService;
        private String anprOperationId;
        private String anprOperatorId;
        private String applicationId;
        private AuditChainPosition chain;
        private String clientIp;
        private AuditCriterionView criterion;
        private String enteId;
        private String id;
        private Integer latencyMs;
        private String mediatorId;
        private String motivoRichiesta;
        private String operation;
        private AuditOutcome outcome;
        private String outcomeDetail;
        private String purpose;
        private String requestId;
        private java.util.List<String> sections;
        private java.util.List<String> subjects;
        private String targetComune;
        private String time;
        private String userId;
        private String username;
        private String workstation;

        private Builder() {
        }

        /** The consumer service (visure, rivestizione, console) that acted for the user under a delegation grant. (required, may be null) */
        public Builder actingService(String actingService) {
            this.actingService = actingService;
            return this;
        }

        /** For a <code>pending</code> intent, the operation id GeRes sent to ANPR (idOperazioneComune / idOperazioneClient); for the outcome of a call, ANPR's own id (idOperazioneANPR). (required, may be null) */
        public Builder anprOperationId(String anprOperationId) {
            this.anprOperationId = anprOperationId;
            return this;
        }

        /** ANPR operator id the request was made with. (required, may be null) */
        public Builder anprOperatorId(String anprOperatorId) {
            this.anprOperatorId = anprOperatorId;
            return this;
        }

        /** The application, when one called. (format uuid, required, may be null) */
        public Builder applicationId(String applicationId) {
            this.applicationId = applicationId;
            return this;
        }

        /** Position in the hash chain. (required) */
        public Builder chain(AuditChainPosition chain) {
            this.chain = chain;
            return this;
        }

        /** Client IP address. (required, may be null) */
        public Builder clientIp(String clientIp) {
            this.clientIp = clientIp;
            return this;
        }

        /** The search criterion, for lookups. (required, may be null) */
        public Builder criterion(AuditCriterionView criterion) {
            this.criterion = criterion;
            return this;
        }

        /** Their Ente. (format uuid, required, may be null) */
        public Builder enteId(String enteId) {
            this.enteId = enteId;
            return this;
        }

        /** Id of the event (a decimal number, as a string). (required) */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Time spent on the request, in milliseconds. (required, may be null) */
        public Builder latencyMs(Integer latencyMs) {
            this.latencyMs = latencyMs;
            return this;
        }

        /** The mediator whose approval (or silent consent) the request was made under. (format uuid, required, may be null) */
        public Builder mediatorId(String mediatorId) {
            this.mediatorId = mediatorId;
            return this;
        }

        /** Declared reason (case or protocol number). (required, may be null) */
        public Builder motivoRichiesta(String motivoRichiesta) {
            this.motivoRichiesta = motivoRichiesta;
            return this;
        }

        /** What was asked (an operation id, or method and route for refusals). (required) */
        public Builder operation(String operation) {
            this.operation = operation;
            return this;
        }

        /** How the request ended. (required) */
        public Builder outcome(AuditOutcome outcome) {
            this.outcome = outcome;
            return this;
        }

        /** For <code>denied</code>, the rule that denied (or the problem type of a refusal before the lookup ran); for <code>error</code>, the error class and cause; for <code>pending</code>, anpr_call. (required, may be null) */
        public Builder outcomeDetail(String outcomeDetail) {
            this.outcomeDetail = outcomeDetail;
            return this;
        }

        /** Declared purpose. (required, may be null) */
        public Builder purpose(String purpose) {
            this.purpose = purpose;
            return this;
        }

        /** The request id. (required) */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /** Sections returned. (required) */
        public Builder sections(java.util.List<String> sections) {
            this.sections = sections;
            return this;
        }

        /** Sections returned. (required) */
        public Builder sections(String... sections) {
            this.sections = java.util.List.of(sections);
            return this;
        }

        /** Identifiers (codice fiscale, idANPR) of the subjects in the answer. (required) */
        public Builder subjects(java.util.List<String> subjects) {
            this.subjects = subjects;
            return this;
        }

        /** Identifiers (codice fiscale, idANPR) of the subjects in the answer. (required) */
        public Builder subjects(String... subjects) {
            this.subjects = java.util.List.of(subjects);
            return this;
        }

        /** ISTAT code of the Comune the request concerned. (required, may be null) */
        public Builder targetComune(String targetComune) {
            this.targetComune = targetComune;
            return this;
        }

        /** When the request was handled. (format date-time, required) */
        public Builder time(String time) {
            this.time = time;
            return this;
        }

        /** The user, or the operator an application acted for. (format uuid, required, may be null) */
        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        /** Their username. (required, may be null) */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /** Workstation code sent by the caller. (required, may be null) */
        public Builder workstation(String workstation) {
            this.workstation = workstation;
            return this;
        }

        public AuditEventView build() {
            Objects.requireNonNull(actingService, "actingService is required");
            Objects.requireNonNull(anprOperationId, "anprOperationId is required");
            Objects.requireNonNull(anprOperatorId, "anprOperatorId is required");
            Objects.requireNonNull(applicationId, "applicationId is required");
            Objects.requireNonNull(chain, "chain is required");
            Objects.requireNonNull(clientIp, "clientIp is required");
            Objects.requireNonNull(criterion, "criterion is required");
            Objects.requireNonNull(enteId, "enteId is required");
            Objects.requireNonNull(id, "id is required");
            Objects.requireNonNull(latencyMs, "latencyMs is required");
            Objects.requireNonNull(mediatorId, "mediatorId is required");
            Objects.requireNonNull(motivoRichiesta, "motivoRichiesta is required");
            Objects.requireNonNull(operation, "operation is required");
            Objects.requireNonNull(outcome, "outcome is required");
            Objects.requireNonNull(outcomeDetail, "outcomeDetail is required");
            Objects.requireNonNull(purpose, "purpose is required");
            Objects.requireNonNull(requestId, "requestId is required");
            Objects.requireNonNull(sections, "sections is required");
            Objects.requireNonNull(subjects, "subjects is required");
            Objects.requireNonNull(targetComune, "targetComune is required");
            Objects.requireNonNull(time, "time is required");
            Objects.requireNonNull(userId, "userId is required");
            Objects.requireNonNull(username, "username is required");
            Objects.requireNonNull(workstation, "workstation is required");
            return new AuditEventView(actingService, anprOperationId, anprOperatorId, applicationId, chain, clientIp, criterion, enteId, id, latencyMs, mediatorId, motivoRichiesta, operation, outcome, outcomeDetail, purpose, requestId, sections, subjects, targetComune, time, userId, username, workstation);
        }
    }
}
