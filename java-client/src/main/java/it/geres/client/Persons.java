package it.geres.client;

import it.geres.client.generated.api.PersonsApi;
import it.geres.client.generated.model.LookupSection;
import it.geres.client.generated.model.PersonSearchResult;
import it.geres.client.generated.model.SearchPersonsDto;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** Person lookups: {@code GeResClient.persons()}. */
public final class Persons {
    private final PersonsApi api;

    Persons(PersonsApi api) {
        this.api = api;
    }

    /** Searches ANPR by one criterion ({@code POST /v1/persons/search}). */
    public PersonSearchResult search(SearchPersonsDto query) {
        return api.searchPersons(query);
    }

    public PersonSearchResult search(SearchPersonsDto query, RequestOptions options) {
        return api.searchPersons(query, options);
    }

    /** As {@link #search}, with the response's request id, idempotency key, replay flag and attempts. */
    public ApiResponse<PersonSearchResult> searchWithResponse(SearchPersonsDto query, RequestOptions options) {
        return api.searchPersonsWithResponse(query, options);
    }

    public CompletableFuture<PersonSearchResult> searchAsync(SearchPersonsDto query) {
        return api.searchPersonsAsync(query, RequestOptions.none());
    }

    public CompletableFuture<PersonSearchResult> searchAsync(SearchPersonsDto query, RequestOptions options) {
        return api.searchPersonsAsync(query, options);
    }

    /** One person by codice fiscale or idANPR ({@code GET /v1/persons/{identifier}}). */
    public PersonSearchResult get(String identifier, PersonsApi.GetPersonParams params) {
        return api.getPerson(identifier, params);
    }

    public PersonSearchResult get(String identifier, PersonsApi.GetPersonParams params, RequestOptions options) {
        return api.getPerson(identifier, params, options);
    }

    /** As {@link #get}, with the response's request id, replay flag and attempts. */
    public ApiResponse<PersonSearchResult> getWithResponse(String identifier, PersonsApi.GetPersonParams params, RequestOptions options) {
        return api.getPersonWithResponse(identifier, params, options);
    }

    /**
     * One person by codice fiscale or idANPR.
     *
     * @param identifier      codice fiscale or idANPR
     * @param comune          ISTAT code of the Comune the request concerns, e.g. {@code 072006}
     * @param sections        the sections wanted
     * @param motivoRichiesta case or protocol number
     */
    public PersonSearchResult get(String identifier, String comune, Collection<LookupSection> sections, String motivoRichiesta) {
        return api.getPerson(identifier, params(comune, sections, motivoRichiesta));
    }

    public CompletableFuture<PersonSearchResult> getAsync(String identifier, PersonsApi.GetPersonParams params) {
        return api.getPersonAsync(identifier, params, RequestOptions.none());
    }

    public CompletableFuture<PersonSearchResult> getAsync(String identifier, PersonsApi.GetPersonParams params, RequestOptions options) {
        return api.getPersonAsync(identifier, params, options);
    }

    /** Parameters for {@link #get}: sections joined with commas, as the API wants them. */
    public static PersonsApi.GetPersonParams params(String comune, Collection<LookupSection> sections, String motivoRichiesta) {
        String joined = sections.stream().map(LookupSection::value).collect(Collectors.joining(","));
        return new PersonsApi.GetPersonParams(comune, joined, motivoRichiesta);
    }
}
