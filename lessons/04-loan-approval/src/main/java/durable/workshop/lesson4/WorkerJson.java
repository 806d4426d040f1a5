package durable.workshop.lesson4;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;

/**
 * JSON for the plain functions' records (the API's HTTP events, the fraud check's request). The Lambda Java runtime
 * finds this class through META-INF/services and uses it instead of its built-in serializer, so the plain functions
 * read and write exactly the JSON the workflow's SDK writes and reads (records, BigDecimal amounts, unknown fields
 * ignored).
 */
public class WorkerJson implements CustomPojoSerializer {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Reads one value; tests use it to feed a worker the payload the orchestrator sent. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Writes one value as JSON. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public <T> T fromJson(InputStream input, Type type) {
        try {
            return MAPPER.readValue(input, javaType(type));
        } catch (IOException e) {
            throw new IllegalArgumentException("the request is not valid JSON for " + type.getTypeName()
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T fromJson(String input, Type type) {
        try {
            return MAPPER.readValue(input, javaType(type));
        } catch (IOException e) {
            throw new IllegalArgumentException("the request is not valid JSON for " + type.getTypeName()
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public <T> void toJson(T value, OutputStream output, Type type) {
        try {
            MAPPER.writerFor(javaType(type)).writeValue(output, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JavaType javaType(Type type) {
        return MAPPER.getTypeFactory().constructType(type);
    }
}
