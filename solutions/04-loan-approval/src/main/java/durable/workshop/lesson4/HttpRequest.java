package durable.workshop.lesson4;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** The part of an API Gateway HTTP API request (payload format 2.0) the API function reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HttpRequest(String routeKey, String rawPath, Map<String, String> pathParameters, String body,
                          boolean isBase64Encoded, RequestContext requestContext) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RequestContext(Authorizer authorizer) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Authorizer(Iam iam) {
    }

    /** Set by IAM authorization: who signed the request. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Iam(String userArn) {
    }

    /** The body as text (HTTP APIs base64-encode bodies that are not text). */
    public String text() {
        if (body == null) {
            return null;
        }
        return isBase64Encoded ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
    }

    public String pathParameter(String name) {
        return pathParameters == null ? null : pathParameters.get(name);
    }

    /** The caller's IAM identity on an IAM-authorized route, else null. */
    public String caller() {
        return requestContext == null || requestContext.authorizer() == null
                || requestContext.authorizer().iam() == null ? null : requestContext.authorizer().iam().userArn();
    }
}
