package durable.workshop.lesson4;

import java.util.List;

/** Too few credit bureaus answered to decide: the application can be submitted again later. */
public class CreditCheckUnavailableException extends LoanFailedException {

    public CreditCheckUnavailableException(String applicationId, List<String> unavailable, int required) {
        super("Application " + applicationId + ": only " + (CreditBureaus.ALL.size() - unavailable.size()) + " of "
                + CreditBureaus.ALL.size() + " credit bureaus answered (" + required + " needed); unavailable: "
                + String.join(", ", unavailable) + ". Submit it again later.");
    }
}
