package dev.kassa.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The API's document, {@code META-INF/openapi.yaml}, as the tools that read it see it: Swagger's
 * parser finds no error and no warning in it, every operation has its own id, a tag, a security
 * requirement (or none, stated) and an answer for each error it documents.
 */
class OpenApiDocumentTest {
    static final String RESOURCE = "META-INF/openapi.yaml";

    static String document() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE + " is not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static OpenAPI parsed() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(false); // keep the references as written, so that nothing is hidden by inlining
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document(), null, options);
        assertEquals(List.of(), result.getMessages() == null ? List.of() : result.getMessages(),
                "the parser's errors and warnings");
        return result.getOpenAPI();
    }

    @Test
    void swaggerParserFindsNothingWrong() throws IOException {
        OpenAPI api = parsed();
        assertNotNull(api);
        assertEquals("3.0.3", api.getOpenapi());
        assertTrue(api.getPaths().size() >= 30, "only " + api.getPaths().size() + " paths");
    }

    @Test
    void everyOperationIdIsUnique() throws IOException {
        Map<String, Long> counts = operations(parsed()).stream()
                .collect(Collectors.groupingBy(Operation::getOperationId, Collectors.counting()));
        assertEquals(Map.of(), counts.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "operation ids used twice");
        assertTrue(counts.keySet().containsAll(List.of("createAccount", "listAccountTopUps", "getTopUp",
                "createTenantApiKey")), counts.keySet()::toString);
    }

    @Test
    void everyOperationIsTaggedSecuredAndAnswersProblemsForItsErrors() throws IOException {
        OpenAPI api = parsed();
        List<String> tags = api.getTags().stream().map(t -> t.getName()).toList();
        List<String> wrong = new ArrayList<>();
        for (Operation operation : operations(api)) {
            String id = operation.getOperationId();
            if (operation.getTags() == null || operation.getTags().isEmpty()
                    || !tags.containsAll(operation.getTags())) {
                wrong.add(id + ": tags " + operation.getTags() + " not among " + tags);
            }
            if (operation.getSecurity() == null) {
                wrong.add(id + ": no security requirement (an open endpoint says `security: []`)");
            }
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    Function<String, Boolean> isProblem = ref -> ref != null && ref.startsWith("#/components/responses/");
                    boolean problem = isProblem.apply(response.get$ref()) || response.getContent() != null
                            && response.getContent().containsKey("application/problem+json");
                    if (!problem) {
                        wrong.add(id + ": " + status + " is no problem document");
                    }
                }
            });
        }
        assertEquals(List.of(), wrong);
    }

    static List<Operation> operations(OpenAPI api) {
        List<Operation> out = new ArrayList<>();
        for (PathItem item : api.getPaths().values()) {
            out.addAll(item.readOperations());
        }
        return out;
    }
}
