package software.amazon.lambda.durable.serde;

import software.amazon.lambda.durable.TypeToken;

/** Turns operation results into the strings stored in checkpoints, and back on replay. */
public interface SerDes {
    String serialize(Object value);

    <T> T deserialize(String data, TypeToken<T> type);
}
