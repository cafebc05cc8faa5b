// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.api;

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
 * Looking up people in ANPR, with the checks, quota and audit every lookup goes through.
 * <p>
 * Every call goes through the client core (authentication, retries, idempotency, request ids, typed errors).
 */
@SuppressWarnings("unused")
public final class PersonsApi {
    private final ApiCaller caller;

    public PersonsApi(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    /** Query parameters of {@link #getPerson}. */
    public static final class GetPersonParams {
        private String comune;
        private String sections;
        private String motivoRichiesta;
        private String asOf;

        /** The required query parameters. */
        public GetPersonParams(String comune, String sections, String motivoRichiesta) {
            this.comune = Objects.requireNonNull(comune, "comune is required");
            this.sections = Objects.requireNonNull(sections, "sections is required");
            this.motivoRichiesta = Objects.requireNonNull(motivoRichiesta, "motivoRichiesta is required");
        }

        /** ISTAT code of the Comune the request concerns (required) */
        public String comune() {
            return comune;
        }

        /** ISTAT code of the Comune the request concerns (required) */
        public GetPersonParams comune(String comune) {
            this.comune = Objects.requireNonNull(comune, "comune is required");
            return this;
        }

        /** Comma-separated sections (required) */
        public String sections() {
            return sections;
        }

        /** Comma-separated sections (required) */
        public GetPersonParams sections(String sections) {
            this.sections = Objects.requireNonNull(sections, "sections is required");
            return this;
        }

        /** Reason for the request (motivoRichiesta) (required) */
        public String motivoRichiesta() {
            return motivoRichiesta;
        }

        /** Reason for the request (motivoRichiesta) (required) */
        public GetPersonParams motivoRichiesta(String motivoRichiesta) {
            this.motivoRichiesta = Objects.requireNonNull(motivoRichiesta, "motivoRichiesta is required");
            return this;
        }

        /** As-of date (format date) */
        public String asOf() {
            return asOf;
        }

        /** As-of date (format date) */
        public GetPersonParams asOf(String asOf) {
            this.asOf = asOf;
            return this;
        }
    }

    /**
     * Get one person by codice fiscale or idANPR
     * <p>
     * The person with this codice fiscale (16 characters) or idANPR (9 characters), with the sections asked for that your profile allows.
     * <p>
     * <code>GET /v1/persons/{identifier}</code>
     * <p>
     * @param identifier path parameter <code>identifier</code>
     * @param params the query parameters
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public PersonSearchResult getPerson(String identifier, GetPersonParams params) {
        return getPersonWithResponse(identifier, params, RequestOptions.none()).data();
    }

    /**
     * As {@link #getPerson}, with options for this call.
     * <p>
     * @param identifier path parameter <code>identifier</code>
     * @param params the query parameters
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public PersonSearchResult getPerson(String identifier, GetPersonParams params, RequestOptions options) {
        return getPersonWithResponse(identifier, params, options).data();
    }

    /**
     * As {@link #getPerson}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<PersonSearchResult> getPersonWithResponse(String identifier, GetPersonParams params, RequestOptions options) {
        return caller.execute(getPersonRequest(identifier, params), options, ResponseType.json(PersonSearchResult.class));
    }

    /**
     * As {@link #getPerson}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<PersonSearchResult> getPersonAsync(String identifier, GetPersonParams params, RequestOptions options) {
        return getPersonAsyncWithResponse(identifier, params, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #getPersonWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<PersonSearchResult>> getPersonAsyncWithResponse(String identifier, GetPersonParams params, RequestOptions options) {
        return caller.executeAsync(getPersonRequest(identifier, params), options, ResponseType.json(PersonSearchResult.class));
    }

    private static ApiRequest getPersonRequest(String identifier, GetPersonParams params) {
        Objects.requireNonNull(identifier, "identifier is required");
        Objects.requireNonNull(params, "params is required");
        return ApiRequest.of("GET", "/v1/persons/{identifier}")
                .path("identifier", identifier)
                .query("comune", params.comune())
                .query("sections", params.sections())
                .query("motivoRichiesta", params.motivoRichiesta())
                .query("asOf", params == null ? null : params.asOf());
    }

    /**
     * Search persons in ANPR
     * <p>
     * Searches ANPR by one criterion (codice fiscale, idANPR, identity document, or surname and name with optional birth date and place) for the Comune named, with a reason and a purpose. The answer holds the sections asked for that your profile allows.
     * <p>
     * <code>POST /v1/persons/search</code>
     * <p>
     * @param body the request body (application/json)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public PersonSearchResult searchPersons(SearchPersonsDto body) {
        return searchPersonsWithResponse(body, RequestOptions.none()).data();
    }

    /**
     * As {@link #searchPersons}, with options for this call.
     * <p>
     * @param body the request body (application/json)
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public PersonSearchResult searchPersons(SearchPersonsDto body, RequestOptions options) {
        return searchPersonsWithResponse(body, options).data();
    }

    /**
     * As {@link #searchPersons}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<PersonSearchResult> searchPersonsWithResponse(SearchPersonsDto body, RequestOptions options) {
        return caller.execute(searchPersonsRequest(body), options, ResponseType.json(PersonSearchResult.class));
    }

    /**
     * As {@link #searchPersons}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<PersonSearchResult> searchPersonsAsync(SearchPersonsDto body, RequestOptions options) {
        return searchPersonsAsyncWithResponse(body, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #searchPersonsWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<PersonSearchResult>> searchPersonsAsyncWithResponse(SearchPersonsDto body, RequestOptions options) {
        return caller.executeAsync(searchPersonsRequest(body), options, ResponseType.json(PersonSearchResult.class));
    }

    private static ApiRequest searchPersonsRequest(SearchPersonsDto body) {
        Objects.requireNonNull(body, "body is required");
        return ApiRequest.of("POST", "/v1/persons/search")
                .body(body, "application/json");
    }
}
