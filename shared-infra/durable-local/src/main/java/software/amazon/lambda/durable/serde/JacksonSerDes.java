package software.amazon.lambda.durable.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import software.amazon.lambda.durable.TypeToken;
import software.amazon.lambda.durable.exception.SerDesException;

/**
 * JSON with Jackson. The default mapper handles records and {@code java.time} values (as ISO-8601 text) and
 * ignores properties it does not know, so a checkpoint written by an older version of a class still reads.
 * {@code null} is stored as no data and read back as {@code null}.
 */
public class JacksonSerDes implements SerDes {
    private final ObjectMapper mapper;

    public JacksonSerDes() {
        this(defaultMapper());
    }

    public JacksonSerDes(ObjectMapper mapper) {
        if (mapper == null) {
            throw new IllegalArgumentException("JacksonSerDes: the ObjectMapper must not be null");
        }
        this.mapper = mapper;
    }

    @Override
    public String serialize(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new SerDesException("Could not serialize a value of type " + value.getClass().getName()
                    + " to JSON: " + reason(e), e);
        }
    }

    @Override
    public <T> T deserialize(String data, TypeToken<T> type) {
        if (type == null) {
            throw new IllegalArgumentException("JacksonSerDes.deserialize: the type must not be null");
        }
        if (data == null || type.getType() == Void.class) {
            return null;
        }
        JavaType javaType = mapper.getTypeFactory().constructType(type.getType());
        try {
            return mapper.readValue(data, javaType);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new SerDesException("Could not deserialize JSON as " + type.getType().getTypeName() + ": "
                    + reason(e) + " (data: " + abbreviate(data) + ")", e);
        }
    }

    private static ObjectMapper defaultMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static String reason(Exception e) {
        // Jackson's original message leaves out the location noise that getMessage() appends.
        return e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage();
    }

    private static String abbreviate(String data) {
        return data.length() <= 200 ? data : data.substring(0, 200) + "...";
    }
}
