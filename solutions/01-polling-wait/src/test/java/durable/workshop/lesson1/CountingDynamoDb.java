package durable.workshop.lesson1;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** A DynamoDB client that counts the reads it passes on, to show how often the check really ran. */
final class CountingDynamoDb implements DynamoDbClient {

    private final DynamoDbClient delegate;
    private final AtomicInteger reads = new AtomicInteger();

    CountingDynamoDb(DynamoDbClient delegate) {
        this.delegate = delegate;
    }

    /** Reads sent to DynamoDB so far. */
    int reads() {
        return reads.get();
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        reads.incrementAndGet();
        return delegate.getItem(request);
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        reads.incrementAndGet();
        return delegate.query(request);
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        reads.incrementAndGet();
        return delegate.batchGetItem(request);
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    @Override
    public void close() {
        // The test kit owns and closes the real client.
    }
}
