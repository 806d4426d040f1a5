package durable.workshop.localruntime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * The parts of the lesson 4 demo that only run against AWS, offline: finding the deployed HTTP API from the API
 * function's resource policy, and signing POST /approve for its IAM authorizer. (LessonDemoTest runs the rest.)
 */
class Lesson4DemoTest {

    @Test
    void findsTheHttpApiInThePermissionItsIntegrationHolds() {
        // The shape GetPolicy returns for a function behind an HTTP API route (CDK's HttpLambdaIntegration).
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"apigateway.amazonaws.com\"},\"Action\":\"lambda:InvokeFunction\","
                + "\"Resource\":\"arn:aws:lambda:eu-west-1:111122223333:function:durable-workshop-l4-api:live\","
                + "\"Condition\":{\"ArnLike\":{\"AWS:SourceArn\":"
                + "\"arn:aws:execute-api:eu-west-1:111122223333:a1b2c3d4e5/*/*/apply\"}}}]}";
        assertThat(Lesson4Demo.apiUrl(policy)).isEqualTo(URI.create("https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com"));
        assertThat(Lesson4Demo.apiUrl("{\"Statement\":[]}")).isNull();
    }

    @Test
    void signsApproveForExecuteApiInTheApisRegionWithTheSessionToken() {
        Map<String, List<String>> headers = Lesson4Demo.signedHeaders(
                AwsSessionCredentialsIdentity.create("AKIDEXAMPLE", "secret", "session-token"), "POST",
                URI.create("https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/approve"),
                "{\"applicationId\":\"alice-1\",\"approved\":true}");
        assertThat(headers.get("Authorization")).singleElement().asString()
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/eu-west-1/execute-api/aws4_request")
                .contains("SignedHeaders=").contains("host").contains("content-type");
        assertThat(headers).containsKey("X-Amz-Date");
        assertThat(headers.get("X-Amz-Security-Token")).containsExactly("session-token");
    }
}
