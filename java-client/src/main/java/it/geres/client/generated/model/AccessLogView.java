// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A login, logout, token refresh or function used.
 * <p>
 * @param applicationId The application, when one called. (format uuid, required, may be null)
 * @param clientIp Client IP address. (required, may be null)
 * @param comune For TOP users, their Comune. (required, may be null)
 * @param detail The function used (operation id), or why a login failed. (required, may be null)
 * @param enteId Their Ente. (format uuid, required, may be null)
 * @param event What happened. (required)
 * @param id Id of the entry (a decimal number, as a string). (required)
 * @param requestId The request id. (required, may be null)
 * @param time When it happened. (format date-time, required)
 * @param userId The user; null for a failed login with an unknown username. (format uuid, required, may be null)
 * @param username The username, as typed at login. (required, may be null)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccessLogView(
        @JsonProperty("applicationId") String applicationId,
        @JsonProperty("clientIp") String clientIp,
        @JsonProperty("comune") String comune,
        @JsonProperty("detail") String detail,
        @JsonProperty("enteId") String enteId,
        @JsonProperty("event") AccessEventKind event,
        @JsonProperty("id") String id,
        @JsonProperty("requestId") String requestId,
        @JsonProperty("time") String time,
        @JsonProperty("userId") String userId,
        @JsonProperty("username") String username) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.applicationId = applicationId;
        b.clientIp = clientIp;
        b.comune = comune;
        b.detail = detail;
        b.enteId = enteId;
        b.event = event;
        b.id = id;
        b.requestId = requestId;
        b.time = time;
        b.userId = userId;
        b.username = username;
        return b;
    }

    /** Builds {@link AccessLogView}. */
    public static final class Builder {
        private String applicationId;
        private String clientIp;
        private String comune;
        private String detail;
        private String enteId;
        private AccessEventKind event;
        private String id;
        private String requestId;
        private String time;
        private String userId;
        private String username;

        private Builder() {
        }

        /** The application, when one called. (format uuid, required, may be null) */
        public Builder applicationId(String applicationId) {
            this.applicationId = applicationId;
            return this;
        }

        /** Client IP address. (required, may be null) */
        public Builder clientIp(String clientIp) {
            this.clientIp = clientIp;
            return this;
        }

        /** For TOP users, their Comune. (required, may be null) */
        public Builder comune(String comune) {
            this.comune = comune;
            return this;
        }

        /** The function used (operation id), or why a login failed. (required, may be null) */
        public Builder detail(String detail) {
            this.detail = detail;
            return this;
        }

        /** Their Ente. (format uuid, required, may be null) */
        public Builder enteId(String enteId) {
            this.enteId = enteId;
            return this;
        }

        /** What happened. (required) */
        public Builder event(AccessEventKind event) {
            this.event = event;
            return this;
        }

        /** Id of the entry (a decimal number, as a string). (required) */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** The request id. (required, may be null) */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /** When it happened. (format date-time, required) */
        public Builder time(String time) {
            this.time = time;
            return this;
        }

        /** The user; null for a failed login with an unknown username. (format uuid, required, may be null) */
        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        /** The username, as typed at login. (required, may be null) */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public AccessLogView build() {
            Objects.requireNonNull(applicationId, "applicationId is required");
            Objects.requireNonNull(clientIp, "clientIp is required");
            Objects.requireNonNull(comune, "comune is required");
            Objects.requireNonNull(detail, "detail is required");
            Objects.requireNonNull(enteId, "enteId is required");
            Objects.requireNonNull(event, "event is required");
            Objects.requireNonNull(id, "id is required");
            Objects.requireNonNull(requestId, "requestId is required");
            Objects.requireNonNull(time, "time is required");
            Objects.requireNonNull(userId, "userId is required");
            Objects.requireNonNull(username, "username is required");
            return new AccessLogView(applicationId, clientIp, comune, detail, enteId, event, id, requestId, time, userId, username);
        }
    }
}
