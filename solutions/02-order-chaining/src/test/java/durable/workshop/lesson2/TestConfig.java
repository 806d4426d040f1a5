package durable.workshop.lesson2;

/** Settings the orchestrator tests use: alias ARNs as the CDK app would set them. */
final class TestConfig {

    static final String PAYMENT = "arn:aws:lambda:us-east-1:123456789012:function:order-chaining-payment:live";
    static final String INVENTORY = "arn:aws:lambda:us-east-1:123456789012:function:order-chaining-inventory:live";
    static final String FULFILLMENT = "arn:aws:lambda:us-east-1:123456789012:function:order-chaining-fulfillment:live";

    static final OrderConfig CONFIG = new OrderConfig(PAYMENT, INVENTORY, FULFILLMENT, SampleCatalog.TABLE);

    private TestConfig() {
    }
}
