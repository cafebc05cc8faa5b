// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import it.geres.client.ApiResponse;
import it.geres.client.RequestOptions;
import it.geres.client.core.ApiCaller;
import it.geres.client.core.ApiRequest;
import it.geres.client.core.ResponseType;
import it.geres.client.generated.model.*;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Statistics, rendicontazione and alarms computed from the audit trail, within what the caller monitors (R-STAT-1, R-VIS-10, R-VIS-11).
 * <p>
 * Every call goes through the client core (authentication, retries, idempotency, request ids, typed errors).
 */
@SuppressWarnings("unused")
public final class MonitoringApi {
    private final ApiCaller caller;

    public MonitoringApi(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    /** Query parameters of {@link #getAlarms}. */
    public static final class GetAlarmsParams {
        private String from;
        private String to;

        /** No query parameter set yet: all are optional. */
        public GetAlarmsParams() {
        }

        /** From this day (Europe/Rome), inclusive; default 30 days before <code>to</code>. (format date) */
        public String from() {
            return from;
        }

        /** From this day (Europe/Rome), inclusive; default 30 days before <code>to</code>. (format date) */
        public GetAlarmsParams from(String from) {
            this.from = from;
            return this;
        }

        /** To this day (Europe/Rome), inclusive; default today. (format date) */
        public String to() {
            return to;
        }

        /** To this day (Europe/Rome), inclusive; default today. (format date) */
        public GetAlarmsParams to(String to) {
            this.to = to;
            return this;
        }
    }

    /** Query parameters of {@link #getRendicontazione}. */
    public static final class GetRendicontazioneParams {
        private String from;
        private String to;
        private Format format;

        /** No query parameter set yet: all are optional. */
        public GetRendicontazioneParams() {
        }

        /**
         *
         */
        public static enum Format {
            @JsonProperty("json")
            JSON("json"),

            @JsonProperty("csv")
            CSV("csv");

            private final String value;

            Format(String value) {
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
            public static Format fromValue(String value) {
                for (Format candidate : values()) {
                    if (candidate.value.equals(value)) {
                        return candidate;
                    }
                }
                return null;
            }
        }

        /** From this day (Europe/Rome), inclusive; default 30 days before <code>to</code>. (format date) */
        public String from() {
            return from;
        }

        /** From this day (Europe/Rome), inclusive; default 30 days before <code>to</code>. (format date) */
        public GetRendicontazioneParams from(String from) {
            this.from = from;
            return this;
        }

        /** To this day (Europe/Rome), inclusive; default today. (format date) */
        public String to() {
            return to;
        }

        /** To this day (Europe/Rome), inclusive; default today. (format date) */
        public GetRendicontazioneParams to(String to) {
            this.to = to;
            return this;
        }

        /** <code>csv</code> answers a CSV file (<code>;</code>, UTF-8 with BOM) for a spreadsheet. (default "json") */
        public Format format() {
            return format;
        }

        /** <code>csv</code> answers a CSV file (<code>;</code>, UTF-8 with BOM) for a spreadsheet. (default "json") */
        public GetRendicontazioneParams format(Format format) {
            this.format = format;
            return this;
        }
    }

    /** Query parameters of {@link #getStatistics}. */
    public static final class GetStatisticsParams {
        private String from;
        private String to;

        /** No query parameter set yet: all are optional. */
        public GetStatisticsParams() {
        }

        /** From this day (Europe/Rome), inclusive; default 30 days before <code>to</code>. (format date) */
        public String from() {
            return from;
        }

        /** From this day (Europe/Rome), inclusive; default 30 days before <code>to</code>. (format date) */
        public GetStatisticsParams from(String from) {
            this.from = from;
            return this;
        }

        /** To this day (Europe/Rome), inclusive; default today. (format date) */
        public String to() {
            return to;
        }

        /** To this day (Europe/Rome), inclusive; default today. (format date) */
        public GetStatisticsParams to(String to) {
            this.to = to;
            return this;
        }
    }

    /**
     * Alarms
     * <p>
     * Alarms in a period (default the last 7 days, at most 92) within what the caller monitors (R-VIS-10): every request in the Comune's night window (alarmNightStart–alarmNightEnd, Italian time); more requests on one subject in a day than the Comune's alarmRepeatThreshold; an Ente's day with at least 20 requests and more than three times its average day of the four weeks before. Each names the requests behind it. STANDARDPS requests raise none. Roles: TOP, ADMIN.
     * <p>
     * <code>GET /v1/alarms</code>
     * <p>
     * @param params the query parameters
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public AlarmList getAlarms(GetAlarmsParams params) {
        return getAlarmsWithResponse(params, RequestOptions.none()).data();
    }

    /**
     * As {@link #getAlarms}, with options for this call.
     * <p>
     * @param params the query parameters
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public AlarmList getAlarms(GetAlarmsParams params, RequestOptions options) {
        return getAlarmsWithResponse(params, options).data();
    }

    /**
     * As {@link #getAlarms}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<AlarmList> getAlarmsWithResponse(GetAlarmsParams params, RequestOptions options) {
        return caller.execute(getAlarmsRequest(params), options, ResponseType.json(AlarmList.class));
    }

    /**
     * As {@link #getAlarms}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<AlarmList> getAlarmsAsync(GetAlarmsParams params, RequestOptions options) {
        return getAlarmsAsyncWithResponse(params, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #getAlarmsWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<AlarmList>> getAlarmsAsyncWithResponse(GetAlarmsParams params, RequestOptions options) {
        return caller.executeAsync(getAlarmsRequest(params), options, ResponseType.json(AlarmList.class));
    }

    private static ApiRequest getAlarmsRequest(GetAlarmsParams params) {
        return ApiRequest.of("GET", "/v1/alarms")
                .query("from", params == null ? null : params.from())
                .query("to", params == null ? null : params.to());
    }

    /**
     * Rendicontazione
     * <p>
     * What each Ente asked of the caller's Comune in a period (default the last 366 days): lookups answered by ANPR, of which for visure and for rivestizione — the basis to split the annual fee (R-VIS-11). <code>format=csv</code> answers a CSV file for a spreadsheet (<code>;</code>, UTF-8 with BOM, Italian headers). Roles: TOP.
     * <p>
     * <code>GET /v1/statistics/rendicontazione</code>
     * <p>
     * @param params the query parameters
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public Rendicontazione getRendicontazione(GetRendicontazioneParams params) {
        return getRendicontazioneWithResponse(params, RequestOptions.none()).data();
    }

    /**
     * As {@link #getRendicontazione}, with options for this call.
     * <p>
     * @param params the query parameters
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public Rendicontazione getRendicontazione(GetRendicontazioneParams params, RequestOptions options) {
        return getRendicontazioneWithResponse(params, options).data();
    }

    /**
     * As {@link #getRendicontazione}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<Rendicontazione> getRendicontazioneWithResponse(GetRendicontazioneParams params, RequestOptions options) {
        return caller.execute(getRendicontazioneRequest(params), options, ResponseType.json(Rendicontazione.class));
    }

    /**
     * As {@link #getRendicontazione}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<Rendicontazione> getRendicontazioneAsync(GetRendicontazioneParams params, RequestOptions options) {
        return getRendicontazioneAsyncWithResponse(params, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #getRendicontazioneWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<Rendicontazione>> getRendicontazioneAsyncWithResponse(GetRendicontazioneParams params, RequestOptions options) {
        return caller.executeAsync(getRendicontazioneRequest(params), options, ResponseType.json(Rendicontazione.class));
    }

    private static ApiRequest getRendicontazioneRequest(GetRendicontazioneParams params) {
        return ApiRequest.of("GET", "/v1/statistics/rendicontazione")
                .query("from", params == null ? null : params.from())
                .query("to", params == null ? null : params.to())
                .query("format", params == null ? null : params.format());
    }

    /**
     * Statistics
     * <p>
     * Requests in a period (Italian days; default the last 30, at most 366) within what the caller may monitor: a TOP their Comune's, an ADMIN their Ente's, everyone else their own; STANDARDPS activity is never counted for TOP or ADMIN. By outcome, purpose, visura type, Ente, user, acting service and day, and the distinct subjects found (R-STAT-1).
     * <p>
     * <code>GET /v1/statistics</code>
     * <p>
     * @param params the query parameters
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public Statistics getStatistics(GetStatisticsParams params) {
        return getStatisticsWithResponse(params, RequestOptions.none()).data();
    }

    /**
     * As {@link #getStatistics}, with options for this call.
     * <p>
     * @param params the query parameters
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public Statistics getStatistics(GetStatisticsParams params, RequestOptions options) {
        return getStatisticsWithResponse(params, options).data();
    }

    /**
     * As {@link #getStatistics}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<Statistics> getStatisticsWithResponse(GetStatisticsParams params, RequestOptions options) {
        return caller.execute(getStatisticsRequest(params), options, ResponseType.json(Statistics.class));
    }

    /**
     * As {@link #getStatistics}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<Statistics> getStatisticsAsync(GetStatisticsParams params, RequestOptions options) {
        return getStatisticsAsyncWithResponse(params, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #getStatisticsWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<Statistics>> getStatisticsAsyncWithResponse(GetStatisticsParams params, RequestOptions options) {
        return caller.executeAsync(getStatisticsRequest(params), options, ResponseType.json(Statistics.class));
    }

    private static ApiRequest getStatisticsRequest(GetStatisticsParams params) {
        return ApiRequest.of("GET", "/v1/statistics")
                .query("from", params == null ? null : params.from())
                .query("to", params == null ? null : params.to());
    }
}
