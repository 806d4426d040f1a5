package durable.workshop.lesson4;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The result of the manager-approval callback, as the API sends it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ManagerDecision(boolean approved, String approver, String comment) {
}
