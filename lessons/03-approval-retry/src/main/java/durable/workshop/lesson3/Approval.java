package durable.workshop.lesson3;

/** The outcome of the approval wait: approved by someone, or not, with the reason the order is cancelled. */
public record Approval(boolean approved, String approver, String reason) {

    public static Approval approvedBy(String approver) {
        return new Approval(true, approver, null);
    }

    public static Approval refused(String approver, String reason) {
        return new Approval(false, approver, reason);
    }
}
