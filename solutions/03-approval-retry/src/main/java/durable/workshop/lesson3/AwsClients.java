package durable.workshop.lesson3;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The DynamoDB client a deployed function uses: region and credentials come from the Lambda environment. */
final class AwsClients {

    private AwsClients() {
    }

    static DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }
}
