package it.geres.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every problem type the gateway declares (apps/gateway/src/common/problem.ts) has its class in
 * this client, the one parity/problem-types.json names for all three SDKs.
 */
class ProblemTypesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The repository root, found upwards from the working directory. */
    static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("apps/gateway/src/common/problem.ts"))) {
                return p;
            }
        }
        throw new IllegalStateException("apps/gateway/src/common/problem.ts not found above " + Path.of("").toAbsolutePath());
    }

    /** Type name to HTTP status, as declared in problem.ts (read as text). */
    static Map<String, Integer> declaredTypes() throws IOException {
        String source = Files.readString(repositoryRoot().resolve("apps/gateway/src/common/problem.ts"));
        Matcher table = Pattern.compile("PROBLEM_TYPES = \\{([\\s\\S]*?)\\n\\} as const").matcher(source);
        assertTrue(table.find(), "PROBLEM_TYPES not found in problem.ts");
        Map<String, Integer> types = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^\\s*'?([a-z][a-z-]*)'?: \\{ status: (\\d{3})").matcher(table.group(1));
        while (m.find()) {
            types.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return types;
    }

    @Test
    void everyDeclaredTypeMapsToTheSharedClass() throws IOException {
        Map<String, Integer> declared = declaredTypes();
        // 32 when this test was written: fewer means the file's shape changed and the reading broke.
        assertTrue(declared.size() >= 32, "read " + declared.size() + " problem types");
        JsonNode contract = MAPPER.readTree(repositoryRoot().resolve("parity/problem-types.json").toFile()).path("types");
        List<String> wrong = new ArrayList<>();
        declared.forEach((name, status) -> {
            if (!contract.has(name)) {
                wrong.add(name + ": not in parity/problem-types.json");
                return;
            }
            if (!GeResException.knowsProblemType(name)) {
                wrong.add(name + ": no class of its own in this client");
            }
            JsonNode body = MAPPER.createObjectNode().put("type", GeResException.PROBLEM_TYPE_PREFIX + name).put("title", name).put("status", status);
            GeResException e = GeResException.fromResponse(MAPPER, status, body, body.toString(), Map.of(), "r-1", null, 1);
            String got = ParityTest.errorName(e.getClass());
            if (!got.equals(contract.get(name).asText())) {
                wrong.add(name + ": " + got + ", the table says " + contract.get(name).asText());
            }
            assertEquals(name, e.problemName());
        });
        assertEquals(List.of(), wrong);
    }
}
