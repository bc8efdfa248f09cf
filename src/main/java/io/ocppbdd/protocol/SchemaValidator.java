package io.ocppbdd.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.NodePath;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks payloads against the 128 official OCPP 2.0.1 JSON schemas (shipped byte-identical under
 * {@code ocpp/schemas}) and maps the first problem to the CALLERROR code of Part 4, Table 8.
 */
public final class SchemaValidator {

    private static final SchemaValidator INSTANCE = new SchemaValidator();
    private static final Map<String, ErrorCode> CODE_BY_KEYWORD = Map.of(
            "required", ErrorCode.OccurrenceConstraintViolation,
            "minItems", ErrorCode.OccurrenceConstraintViolation,
            "maxItems", ErrorCode.OccurrenceConstraintViolation,
            "type", ErrorCode.TypeConstraintViolation,
            "additionalProperties", ErrorCode.FormatViolation);

    /** Draft 6, knowing the two annotations the OCPP schemas add: {@code javaType} and {@code comment}. */
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
            Dialect.builder(Dialects.getDraft6())
                    .keyword(new NonValidationKeyword("javaType"))
                    .keyword(new NonValidationKeyword("comment"))
                    .build());
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private SchemaValidator() {
    }

    /** The shared validator; schemas are loaded once, on first use. */
    public static SchemaValidator instance() {
        return INSTANCE;
    }

    /** The first problem of a request payload, if any. */
    public Optional<Violation> checkRequest(Action action, JsonNode payload) {
        return check(action.name() + "Request", payload);
    }

    /** The first problem of a response payload, if any. */
    public Optional<Violation> checkResponse(Action action, JsonNode payload) {
        return check(action.name() + "Response", payload);
    }

    private Optional<Violation> check(String schemaName, JsonNode payload) {
        List<Error> errors = schemas.computeIfAbsent(schemaName, this::load).validate(payload);
        return errors.stream().findFirst().map(SchemaValidator::toViolation);
    }

    private Schema load(String schemaName) {
        String resource = "/ocpp/schemas/" + schemaName + ".json";
        try (InputStream in = SchemaValidator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema missing from the classpath: " + resource);
            }
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Violation toViolation(Error error) {
        boolean namesProperty = "required".equals(error.getKeyword())
                || "additionalProperties".equals(error.getKeyword());
        String field = jsonPath(error.getInstanceLocation(), namesProperty ? error.getProperty() : null);
        ErrorCode code = CODE_BY_KEYWORD.getOrDefault(error.getKeyword(), ErrorCode.PropertyConstraintViolation);
        return new Violation(code, field, error.getMessage());
    }

    /** {@code $.getVariableData[1].variable.name}: the location as JSONPath, plus the name of a missing or unexpected property. */
    private static String jsonPath(NodePath location, String property) {
        StringBuilder path = new StringBuilder("$");
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append('.').append(element);
            }
        }
        if (property != null) {
            path.append('.').append(property);
        }
        return path.toString();
    }
}
