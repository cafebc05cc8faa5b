package it.geres.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.geres.client.generated.model.CriterionDto;
import it.geres.client.generated.model.LookupSection;
import it.geres.client.generated.model.PersonSearchResult;
import it.geres.client.generated.model.SearchPersonsDto;
import it.geres.client.generated.model.Usage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against a running sandbox ({@code npm start}): skipped unless GERES_SANDBOX_URL is set.
 * Credentials come from GERES_CREDENTIALS, else {@code ../.sandbox/credentials.json}.
 */
class SandboxIntegrationTest {
    static GeResClient geres;

    @BeforeAll
    static void connect() throws IOException {
        String url = System.getenv("GERES_SANDBOX_URL");
        assumeTrue(url != null && !url.isBlank(), "GERES_SANDBOX_URL is not set");
        Path file = Path.of(System.getenv().getOrDefault("GERES_CREDENTIALS", "../.sandbox/credentials.json"));
        JsonNode c = new ObjectMapper().readTree(Files.readString(file));
        geres = GeResClient.builder()
                .baseUrl(url)
                .clientCredentials(c.path("application").path("clientId").asText(), c.path("application").path("clientSecret").asText())
                .operator(c.path("application").path("operator").asText())
                .workstation(c.path("workstation").path("code").asText(), c.path("workstation").path("deviceToken").asText(null))
                .build();
    }

    static SearchPersonsDto byCodiceFiscale(String cf) {
        return SearchPersonsDto.builder()
                .criterion(CriterionDto.builder().type(CriterionDto.Type.CODICE_FISCALE).codiceFiscale(cf).build())
                .sections(LookupSection.GENERALITA, LookupSection.RESIDENZA)
                .comune("072006")
                .motivoRichiesta("Java SDK integration test")
                .build();
    }

    @Test
    void findsTheDemoResident() {
        PersonSearchResult r = geres.persons().search(byCodiceFiscale("NRECLD70B17A662M"));
        assertEquals("NERI", r.persons().get(0).generalita().cognome());
    }

    @Test
    void nobodyIsSubjectNotFound() {
        SubjectNotFoundException e = assertThrows(SubjectNotFoundException.class, () -> geres.persons().search(byCodiceFiscale("NSSTVT70A01A662M")));
        assertFalse(e.requestId() == null || e.requestId().isBlank());
    }

    @Test
    void theSameIdempotencyKeyIsReplayed() {
        RequestOptions options = RequestOptions.builder().idempotencyKey("java-it-" + java.util.UUID.randomUUID()).build();
        ApiResponse<PersonSearchResult> first = geres.persons().searchWithResponse(byCodiceFiscale("NRECLD70B17A662M"), options);
        ApiResponse<PersonSearchResult> second = geres.persons().searchWithResponse(byCodiceFiscale("NRECLD70B17A662M"), options);
        assertFalse(first.idempotentReplayed());
        assertTrue(second.idempotentReplayed());
    }

    @Test
    void usageCountsEachLookupAgainstTheDemoProfile() {
        Usage before = geres.me().usage();
        geres.persons().search(byCodiceFiscale("NRECLD70B17A662M"));
        Usage after = geres.me().usage();
        // The sandbox's demo application acts for operatore.consorzio, whose profile allows 500 lookups a day
        // (apps/gateway/src/sandbox/seed.ts).
        assertEquals(500, after.dailyQuota());
        assertEquals(before.used() + 1, after.used());
        assertEquals(after.dailyQuota() - after.used(), after.remaining());
        assertEquals(before.day(), after.day());
        assertTrue(after.resetsInSeconds() > 0 && after.resetsInSeconds() <= 25 * 3600, "resetsInSeconds " + after.resetsInSeconds());
    }
}
