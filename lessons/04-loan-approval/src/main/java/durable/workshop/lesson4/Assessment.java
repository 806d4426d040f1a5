package durable.workshop.lesson4;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** What the decision rules say about an application: approve, deny, or ask a manager first. */
public record Assessment(String outcome, String reason, int averageScore) {

    public static final String APPROVE = "APPROVE";
    public static final String DENY = "DENY";
    public static final String MANAGER_APPROVAL = "MANAGER_APPROVAL";

    @JsonIgnore
    public boolean denied() {
        return DENY.equals(outcome);
    }

    @JsonIgnore
    public boolean needsManager() {
        return MANAGER_APPROVAL.equals(outcome);
    }
}
