package durable.workshop.lesson4;

import java.time.Duration;
import java.util.Set;

/** Settings the tests use: names and alias ARNs as the CDK app would set them. */
final class TestConfig {

    static final String TABLE = "loan-progress";
    static final String FRAUD = "arn:aws:lambda:us-east-1:123456789012:function:loan-approval-fraud-check:live";
    static final String WORKFLOW = "arn:aws:lambda:us-east-1:123456789012:function:loan-approval-workflow:live";
    static final Duration APPROVAL_TIMEOUT = Duration.ofHours(72);

    static final LoanConfig CONFIG = new LoanConfig(TABLE, FRAUD, APPROVAL_TIMEOUT, Set.of());

    private TestConfig() {
    }
}
