package durable.workshop.localruntime;

/** An error the endpoint answers in the service's error shape: an HTTP status, the error's name and its message. */
final class ApiException extends RuntimeException {
    final int status;
    final String type;

    ApiException(int status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    static ApiException badParameter(String message) {
        return new ApiException(400, "InvalidParameterValueException", message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "ResourceNotFoundException", message);
    }

    static ApiException badRequestContent(String message) {
        return new ApiException(400, "InvalidRequestContentException", message);
    }
}
