/*
 * Looks a person up in the sandbox as an integrated application would.
 *
 *   npm start                           # in the repository root, in another terminal
 *   java-client/examples/run.sh [codiceFiscale]
 *
 * Reads .sandbox/credentials.json (written by `npm start`) from the current directory, or the
 * file named by GERES_CREDENTIALS; GERES_URL overrides the gateway URL.
 */
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.geres.client.ApiResponse;
import it.geres.client.GeResClient;
import it.geres.client.GeResException;
import it.geres.client.RequestOptions;
import it.geres.client.generated.model.CriterionDto;
import it.geres.client.generated.model.LookupSection;
import it.geres.client.generated.model.PersonSearchResult;
import it.geres.client.generated.model.SearchPersonsDto;
import java.nio.file.Path;

public class Lookup {
    public static void main(String[] args) throws Exception {
        String file = System.getenv().getOrDefault("GERES_CREDENTIALS", ".sandbox/credentials.json");
        JsonNode credentials = new ObjectMapper().readTree(Path.of(file).toFile());

        GeResClient geres = GeResClient.builder()
                .baseUrl(System.getenv().getOrDefault("GERES_URL", credentials.path("gatewayUrl").asText()))
                .clientCredentials(credentials.path("application").path("clientId").asText(),
                        credentials.path("application").path("clientSecret").asText())
                .operator(credentials.path("application").path("operator").asText())       // the person the application acts for
                .workstation(credentials.path("workstation").path("code").asText(),
                        credentials.path("workstation").path("deviceToken").asText(null))
                .userAgentSuffix("geres-example/1")
                .build();

        // NERI CLAUDIO, resident of the demo Comune (test-env/SANDBOX-CATALOGUE.md, `demo-resident`).
        String codiceFiscale = args.length > 0 ? args[0] : "NRECLD70B17A662M";
        SearchPersonsDto query = SearchPersonsDto.builder()
                .criterion(CriterionDto.builder().type(CriterionDto.Type.CODICE_FISCALE).codiceFiscale(codiceFiscale).build())
                .sections(LookupSection.GENERALITA, LookupSection.RESIDENZA)
                .comune("072006")                                     // the sandbox's demo Comune (Bari)
                .motivoRichiesta("SDK quick start")                   // case or protocol number: required
                .build();
        try {
            ApiResponse<PersonSearchResult> response = geres.persons().searchWithResponse(query, RequestOptions.none());
            System.out.println(geres.objectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(response.data()));
            System.out.println("request id " + response.requestId());
        } catch (GeResException e) {
            System.err.println(e.getClass().getSimpleName() + ": " + e.getMessage());
            if (e.problemDocument() != null) {
                System.err.println(geres.objectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(e.problemDocument()));
            }
            System.exit(1);
        }
    }
}
