package durable.workshop.lesson4;

import java.util.List;

/** The application itself is wrong: the message lists every problem with the field it is about. */
public class InvalidApplicationException extends LoanFailedException {

    public InvalidApplicationException(String applicationId, List<String> problems) {
        super("Application " + (applicationId == null || applicationId.isBlank() ? "(no id)" : applicationId)
                + " is invalid: " + String.join(" | ", problems));
    }
}
