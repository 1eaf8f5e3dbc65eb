package io.creditsuite.gateway.infrastructure.web.partner;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of the partner API's OpenAPI document that are not on a controller: the signature scheme, the
 * problem+json schema and the error responses every operation can give (edge checks run before any controller).
 * The document names no host and no build version, so the served document equals the committed copy.
 */
public final class PartnerOpenApi {
    private static final String PROBLEM = "Problem";

    private PartnerOpenApi() {
    }

    public static OpenAPI document() {
        return new OpenAPI()
                .info(new Info().title("credit-suite partner API").version("v1").description("""
                        What a partner institution (bank, platform, dealer) does through the gateway: onboard its \
                        customers, read their limits and statement, draw down and repay loans, freeze and capture holds.

                        Every request under /api/v1 is signed (scheme CS1-HMAC-SHA256), every POST carries an \
                        Idempotency-Key, amounts are decimal strings at the currency's minor-unit scale ("1.5" CNY is \
                        150 fen; "1.005" CNY is refused with CS-6011, never rounded), times are ISO-8601 instants in \
                        UTC, and every error is application/problem+json (RFC 9457) with a stable `code`, the \
                        `requestId` and the `traceId`. Unknown request fields, repeated keys and JSON values of the \
                        wrong type are refused (CS-1000; CS-6011 for an amount sent as a JSON number). Another \
                        partner's customer, loan or hold is answered 404, like an unknown one.

                        A credit application's `callbackUrl` (https) receives each decision (GRANTED, REJECTED, \
                        MORE_INFO_REQUESTED) as a POST of the APPLICATION_DECIDED event's JSON, at least once, with \
                        `X-CS-Event-Id` (dedupe on it), `X-CS-Timestamp` (epoch seconds), `X-CS-Key-Id` and \
                        `X-CS-Signature` = hex HMAC-SHA256, under that key's secret, of `timestamp + "\\n" + eventId \
                        + "\\n" + hex(SHA-256(raw body))`; answer 2xx once stored. Anything else is retried 10 s, \
                        20 s, 40 s ... apart (at most 10 minutes), 12 times (gateway README, "Decision callbacks")."""))
                .servers(List.of(new Server().url("/").description("the gateway")))
                .components(new Components()
                        .addSecuritySchemes(PartnerApiDocs.SECURITY_SCHEME, new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("Authorization")
                                .description("""
                                        `Authorization: CS1-HMAC-SHA256 keyId=..., timestamp=..., nonce=..., \
                                        signature=...`: the hex HMAC-SHA256, under the key's secret, of a canonical \
                                        request made of the method, the path, the sorted query string, the timestamp, \
                                        the nonce and the hex SHA-256 of the raw body (the exact form is in the \
                                        gateway README, "Authentication and idempotency"). The timestamp must be \
                                        within 5 minutes of the gateway's clock and a nonce is accepted once. Errors: \
                                        CS-6001 missing, CS-6002 invalid, CS-6003 out of window, CS-6004 replayed, \
                                        CS-6005 scope denied."""))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(PartnerApiDocs.SECURITY_SCHEME));
    }

    /** Adds the edge's error responses to every partner operation (keeps the ones a controller declared). */
    public static void addCommonResponses(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            boolean post = method == PathItem.HttpMethod.POST;
            if (post) {
                operation.addParametersItem(new HeaderParameter().name(PartnerApiDocs.IDEMPOTENCY_KEY).required(true)
                        .description(PartnerApiDocs.IDEMPOTENCY_KEY_DOC).example("7d8c1c2e-0001")
                        .schema(new StringSchema().minLength(1).maxLength(64).pattern("^[\\x21-\\x7E]{1,64}$")));
            }
            ApiResponses responses = operation.getResponses();
            add(responses, "400", "Malformed request", post
                    ? examples("CS-1000", "field 'customerId' is required", "CS-6011",
                            "field 'amount': the amount has more than 2 digits after the '.' for CNY; amounts are never rounded",
                            "CS-6012", "field 'currency': the currency must be one of [CNY, EUR, HKD, JPY, USD] (upper case)",
                            "CS-6006", "A POST needs an Idempotency-Key header (1 to 64 printable characters)")
                    : examples("CS-1000", "field 'customerId' must be 1 to 64 characters of A-Z a-z 0-9 _ . : -"));
            add(responses, "401", "Signature missing, invalid, out of its time window or replayed",
                    examples("CS-6001", "The request has no CS1-HMAC-SHA256 Authorization header, or it lacks a part",
                            "CS-6002", "The signature does not match the request, or the key is unknown or revoked",
                            "CS-6003", "The signed timestamp is more than 5 minutes from the gateway's clock",
                            "CS-6004", "The nonce was already used inside the timestamp window"));
            add(responses, "403", "The key lacks the operation's scope",
                    examples("CS-6005", "the key k-1 lacks the scope LOANS_WRITE"));
            add(responses, "404", "Unknown, or owned by another partner (CS-2001 customer, CS-2002 line, CS-2003 node, "
                    + "CS-2004 hold, CS-2200 loan)", examples("CS-2001", "No credit customer with this id"));
            if (post) {
                add(responses, "409", "A request with this Idempotency-Key is still running (CS-6008), or the state "
                        + "does not allow the action (e.g. CS-2201, CS-2202, CS-2007, CS-2013)",
                        examples("CS-6008", "A request with this Idempotency-Key is still being processed"));
                add(responses, "413", "The body exceeds the gateway's limit", examples("CS-6009", "The request body exceeds the gateway's limit"));
                add(responses, "415", "The body is not application/json", examples("CS-6010", "The request body must be application/json"));
                add(responses, "422", "The Idempotency-Key was already used with another request",
                        examples("CS-6007", "The Idempotency-Key was already used with a different request"));
            }
            add(responses, "503", "A service this request needs is unavailable; retry later",
                    examples("CS-1004", "a service this request needs is not available"));
        }));
    }

    private static void add(ApiResponses responses, String status, String description, Map<String, Example> examples) {
        ApiResponse existing = responses.get(status);
        if (existing == null) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                    .addMediaType(PartnerApiDocs.PROBLEM_JSON, new MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)).examples(examples))));
            return;
        }
        existing.setDescription(existing.getDescription() + " — or: " + description);
        MediaType problem = existing.getContent() == null ? null : existing.getContent().get(PartnerApiDocs.PROBLEM_JSON);
        if (problem != null) {
            examples.forEach(problem::addExamples);
        }
    }

    /** Pairs of (code, detail) as named examples of a problem. */
    private static Map<String, Example> examples(String... codeDetailPairs) {
        Map<String, Example> examples = new LinkedHashMap<>();
        for (int i = 0; i < codeDetailPairs.length; i += 2) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "urn:credit-suite:error:" + codeDetailPairs[i]);
            problem.put("detail", codeDetailPairs[i + 1]);
            problem.put("code", codeDetailPairs[i]);
            problem.put("requestId", "req-7d8c1c2e");
            problem.put("traceId", null);
            examples.put(codeDetailPairs[i], new Example().value(problem));
        }
        return examples;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri").example("urn:credit-suite:error:CS-1000"));
        properties.put("title", new StringSchema().description("The code's message"));
        properties.put("status", new IntegerSchema().example(400));
        properties.put("detail", new StringSchema().description("What exactly was wrong; names the field, never echoes the value"));
        properties.put("instance", new StringSchema().format("uri"));
        properties.put("code", new StringSchema().description("The stable error code").example("CS-1000"));
        properties.put("requestId", new StringSchema().description("Also in the X-Request-Id header"));
        properties.put("traceId", new StringSchema().nullable(true).description("The SkyWalking trace id, when traced"));
        properties.put("outcome", new StringSchema().description("REFUSED on a refused drawdown or hold")._enum(List.of("REFUSED")));
        properties.put("refusal", new StringSchema().description("The reason of a refused drawdown or hold"));
        properties.put("loan", new Schema<>().$ref("#/components/schemas/Loan").description("The refused loan, when one was recorded"));
        return new ObjectSchema().description("RFC 9457 problem details with the suite's extension members")
                .properties(properties).required(List.of("type", "title", "status", "code"));
    }
}
