package durable.workshop.lesson3;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What an approver sends as the callback's result, for example
 * {@code {"approved":true,"approver":"alice","comment":"ok"}}. It is checkpointed as the callback's result.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApprovalDecision(boolean approved, String approver, String comment) {
}
