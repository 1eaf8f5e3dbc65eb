package io.creditsuite.gateway.infrastructure.web.partner;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * Reads the partner API's request bodies ({@link StrictJsonBody}) and nothing else, with a mapper that refuses
 * instead of guessing, and turns each refusal into an {@link ApiException} naming the field:
 * <ul>
 *   <li>an unknown field, or a key twice in one object: CS-1000 (a key the partner thinks is read, or read twice,
 *       is a mistake we should report, not ignore);</li>
 *   <li>a JSON number, boolean or object where an amount's decimal string is expected: CS-6011 AMOUNT_MALFORMED
 *       (a JSON number has already lost its exact decimal form in some clients);</li>
 *   <li>any other value of the wrong JSON type (a string for a node id, a number for an id): CS-1000;</li>
 *   <li>JSON that does not parse, or trailing content after the object: CS-1000.</li>
 * </ul>
 * Other bodies (probes, most operator endpoints; not the BCP rules) keep the application's usual lenient converter.
 */
public class StrictJsonBodyConverter extends MappingJackson2HttpMessageConverter {
    /** The request fields that carry amounts; a type mismatch on them is an amount error. */
    private static final Set<String> AMOUNT_FIELDS = Set.of("amount", "principal", "interest");
    private static final Pattern SAFE_FIELD_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    public StrictJsonBodyConverter(ObjectMapper applicationMapper) {
        super(strict(applicationMapper.copy()));
        setSupportedMediaTypes(List.of(MediaType.APPLICATION_JSON));
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (CoercionInputShape shape : List.of(CoercionInputShape.String, CoercionInputShape.EmptyString,
                CoercionInputShape.Float, CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Integer).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }

    @Override
    public boolean canRead(Class<?> clazz, MediaType mediaType) {
        return StrictJsonBody.class.isAssignableFrom(clazz) && super.canRead(clazz, mediaType);
    }

    @Override
    public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
        return type instanceof Class<?> clazz && StrictJsonBody.class.isAssignableFrom(clazz)
                && super.canRead(type, contextClass, mediaType);
    }

    @Override
    public boolean canWrite(Class<?> clazz, MediaType mediaType) {
        return false;
    }

    @Override
    public boolean canWrite(Type type, Class<?> clazz, MediaType mediaType) {
        return false;
    }

    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage inputMessage) throws IOException {
        try {
            return super.read(type, contextClass, inputMessage);
        } catch (HttpMessageNotReadableException e) {
            throw refusal(e.getCause());
        }
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage inputMessage) throws IOException {
        try {
            return super.readInternal(clazz, inputMessage);
        } catch (HttpMessageNotReadableException e) {
            throw refusal(e.getCause());
        }
    }

    static ApiException refusal(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return invalid("unknown field " + quoted(unknown.getPropertyName()) + "; the fields are "
                    + unknown.getKnownPropertyIds());
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String field = lastField(mismatch);
            if (field == null) {
                return invalid("the body must be one JSON object");
            }
            if (AMOUNT_FIELDS.contains(field)) {
                return new ApiException(ErrorCode.AMOUNT_MALFORMED, "field '" + field
                        + "' must be a JSON string holding a decimal, e.g. \"12.50\", not a JSON number or other type");
            }
            return invalid("field " + quoted(field) + " has the wrong JSON type" + expected(mismatch.getTargetType()));
        }
        if (cause instanceof JsonProcessingException json && json.getLocation() != null) {
            return invalid("the body is not well-formed JSON (or repeats a key) at line "
                    + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr());
        }
        return invalid("the body is not well-formed JSON");
    }

    private static String lastField(JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i).getFieldName() != null) {
                return path.get(i).getFieldName();
            }
        }
        return null;
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "";
        }
        if (target == String.class) {
            return ": expected a JSON string";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return ": expected a JSON integer";
        }
        return "";
    }

    /** A field name is echoed only if it is plainly safe to print; anything else might be an injection attempt. */
    private static String quoted(String name) {
        return name != null && SAFE_FIELD_NAME.matcher(name).matches() ? "'" + name + "'" : "(a name of unsafe characters)";
    }

    private static ApiException invalid(String detail) {
        return new ApiException(ErrorCode.INVALID_ARGUMENT, detail);
    }
}
