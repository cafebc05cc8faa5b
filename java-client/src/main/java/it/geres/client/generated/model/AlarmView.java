// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * An alarm (R-VIS-10): requests at night, one subject asked too often, or a body's volume far above its own history.
 * <p>
 * @param comune Comune the requests concerned. (required)
 * @param count Requests behind the alarm. (required)
 * @param day Day (Europe/Rome). (format date, required)
 * @param enteId Ente of the requests (volume, and requests by users of an Ente). (format uuid, required, may be null)
 * @param kind What raised it. (required)
 * @param reason Why, in Italian, for the console. (required)
 * @param requestIds Request ids behind it (at most 50): search the audit trail by them. (required)
 * @param subject The subject asked too often (repeated_subject). (required, may be null)
 * @param userId User, for night requests. (format uuid, required, may be null)
 * @param username Their username. (required, may be null)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlarmView(
        @JsonProperty("comune") String comune,
        @JsonProperty("count") Integer count,
        @JsonProperty("day") String day,
        @JsonProperty("enteId") String enteId,
        @JsonProperty("kind") Kind kind,
        @JsonProperty("reason") String reason,
        @JsonProperty("requestIds") java.util.List<String> requestIds,
        @JsonProperty("subject") String subject,
        @JsonProperty("userId") String userId,
        @JsonProperty("username") String username) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.comune = comune;
        b.count = count;
        b.day = day;
        b.enteId = enteId;
        b.kind = kind;
        b.reason = reason;
        b.requestIds = requestIds;
        b.subject = subject;
        b.userId = userId;
        b.username = username;
        return b;
    }

    /**
     * What raised it.
     */
    public static enum Kind {
        @JsonProperty("night")
        NIGHT("night"),

        @JsonProperty("repeated_subject")
        REPEATED_SUBJECT("repeated_subject"),

        @JsonProperty("volume")
        VOLUME("volume");

        private final String value;

        Kind(String value) {
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
        public static Kind fromValue(String value) {
            for (Kind candidate : values()) {
                if (candidate.value.equals(value)) {
                    return candidate;
                }
            }
            return null;
        }
    }

    /** Builds {@link AlarmView}. */
    public static final class Builder {
        private String comune;
        private Integer count;
        private String day;
        private String enteId;
        private Kind kind;
        private String reason;
        private java.util.List<String> requestIds;
        private String subject;
        private String userId;
        private String username;

        private Builder() {
        }

        /** Comune the requests concerned. (required) */
        public Builder comune(String comune) {
            this.comune = comune;
            return this;
        }

        /** Requests behind the alarm. (required) */
        public Builder count(Integer count) {
            this.count = count;
            return this;
        }

        /** Day (Europe/Rome). (format date, required) */
        public Builder day(String day) {
            this.day = day;
            return this;
        }

        /** Ente of the requests (volume, and requests by users of an Ente). (format uuid, required, may be null) */
        public Builder enteId(String enteId) {
            this.enteId = enteId;
            return this;
        }

        /** What raised it. (required) */
        public Builder kind(Kind kind) {
            this.kind = kind;
            return this;
        }

        /** Why, in Italian, for the console. (required) */
        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        /** Request ids behind it (at most 50): search the audit trail by them. (required) */
        public Builder requestIds(java.util.List<String> requestIds) {
            this.requestIds = requestIds;
            return this;
        }

        /** Request ids behind it (at most 50): search the audit trail by them. (required) */
        public Builder requestIds(String... requestIds) {
            this.requestIds = java.util.List.of(requestIds);
            return this;
        }

        /** The subject asked too often (repeated_subject). (required, may be null) */
        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /** User, for night requests. (format uuid, required, may be null) */
        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        /** Their username. (required, may be null) */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public AlarmView build() {
            Objects.requireNonNull(comune, "comune is required");
            Objects.requireNonNull(count, "count is required");
            Objects.requireNonNull(day, "day is required");
            Objects.requireNonNull(enteId, "enteId is required");
            Objects.requireNonNull(kind, "kind is required");
            Objects.requireNonNull(reason, "reason is required");
            Objects.requireNonNull(requestIds, "requestIds is required");
            Objects.requireNonNull(subject, "subject is required");
            Objects.requireNonNull(userId, "userId is required");
            Objects.requireNonNull(username, "username is required");
            return new AlarmView(comune, count, day, enteId, kind, reason, requestIds, subject, userId, username);
        }
    }
}
