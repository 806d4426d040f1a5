package durable.workshop.cdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The SNS topic a stack's alarms notify, and the alarms themselves. The topic is encrypted with its own KMS key
 * (CloudWatch cannot publish to a topic under the AWS managed SNS key), refuses requests without TLS, lets
 * CloudWatch alarms of this account publish, and can mail one address from the config.
 *
 * <p>{@link #watch} gives a function an alarm on {@code Errors} and on {@code Throttles}, and a durable function
 * also one on each bad execution outcome ({@link DurableFunction#EXECUTIONS_FAILED_METRIC},
 * {@link DurableFunction#EXECUTIONS_TIMED_OUT_METRIC}). Each alarm sums its metric over
 * {@value AlarmSettings#PERIOD_MINUTES} minutes, goes off when the sum reaches the config's threshold, treats a
 * period without data as fine (an idle workshop stack sends nothing), and notifies when it goes off and when it
 * is back to OK.
 */
public final class AlarmTopic extends Construct {

    /** Construct id of the one topic of a stack, as {@link #of} creates it. */
    public static final String ID = "Alarms";
    /** Output with the topic's ARN, for subscribing more addresses or a chat integration later. */
    public static final String OUTPUT = "AlarmTopicArn";
    private static final String CLOUDWATCH = "cloudwatch.amazonaws.com";

    private final Topic topic;
    private final Key key;
    private final AlarmSettings settings;

    public AlarmTopic(Construct scope, String id, String topicName, AlarmSettings settings) {
        super(scope, id);
        this.settings = settings;
        Stack stack = Stack.of(this);

        key = Key.Builder.create(this, "Key")
                .description("Encrypts the alarm notifications of " + topicName)
                .enableKeyRotation(true)
                // Nothing stays encrypted under it once the stack is gone; 7 days is the shortest wait KMS allows.
                .removalPolicy(RemovalPolicy.DESTROY)
                .pendingWindow(Duration.days(7))
                .build();
        // SNS asks KMS for a data key as the publisher, so CloudWatch must be allowed to use the key.
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal(CLOUDWATCH)))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .build());

        topic = Topic.Builder.create(this, "Topic")
                .topicName(topicName)
                .displayName(topicName)
                .masterKey(key)
                .enforceSsl(true)
                .build();
        // Only alarms of this account may publish: the service principal, narrowed to this account's alarm ARNs.
        topic.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal(CLOUDWATCH)))
                .actions(List.of("sns:Publish"))
                .resources(List.of(topic.getTopicArn()))
                .conditions(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", stack.getAccount()),
                        "ArnLike", Map.of("aws:SourceArn", "arn:" + stack.getPartition() + ":cloudwatch:"
                                + stack.getRegion() + ":" + stack.getAccount() + ":alarm:*")))
                .build());
        settings.email().ifPresent(address -> topic.addSubscription(new EmailSubscription(address)));
    }

    /**
     * The stack's topic, created on first use with the name {@code <prefix>-alarms} and the config's alarm settings,
     * plus the stack output {@value #OUTPUT}.
     */
    public static AlarmTopic of(Stack stack, WorkshopConfig config) {
        IConstruct existing = stack.getNode().tryFindChild(ID);
        if (existing instanceof AlarmTopic topic) {
            return topic;
        }
        AlarmTopic created = new AlarmTopic(stack, ID, config.name("alarms"), config.alarms());
        CfnOutput.Builder.create(stack, OUTPUT).value(created.topic.getTopicArn())
                .description("SNS topic the stack's alarms notify").build();
        return created;
    }

    /** Creates the function's alarms (as children of the function) and returns them. */
    public List<Alarm> watch(WorkshopFunction function) {
        List<Alarm> alarms = new ArrayList<>();
        alarms.add(alarm(function, "ErrorsAlarm", "errors", function.getFunction().metricErrors(sumOptions()),
                settings.errors(), "invocations failed (an exception, a timeout or running out of memory)"));
        alarms.add(alarm(function, "ThrottlesAlarm", "throttles",
                function.getFunction().metricThrottles(sumOptions()), settings.throttles(),
                "invocations were throttled (the account's or the function's concurrency was used up)"));
        if (function instanceof DurableFunction) {
            alarms.add(alarm(function, "FailedExecutionsAlarm", "failed-executions",
                    function.getFunction().metric(DurableFunction.EXECUTIONS_FAILED_METRIC, sumOptions()),
                    settings.failedExecutions(), "durable executions ended FAILED"));
            alarms.add(alarm(function, "TimedOutExecutionsAlarm", "timed-out-executions",
                    function.getFunction().metric(DurableFunction.EXECUTIONS_TIMED_OUT_METRIC, sumOptions()),
                    settings.timedOutExecutions(), "durable executions ran past their execution timeout"));
        }
        return alarms;
    }

    private Alarm alarm(WorkshopFunction function, String id, String suffix, Metric metric, int threshold,
                        String what) {
        Alarm alarm = Alarm.Builder.create(function, id)
                .alarmName(function.getName() + "-" + suffix)
                .alarmDescription(threshold + " or more " + what + " of " + function.getName() + " in "
                        + AlarmSettings.PERIOD_MINUTES + " minutes.")
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(1)
                .datapointsToAlarm(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        SnsAction notify = new SnsAction(topic);
        alarm.addAlarmAction(notify);
        alarm.addOkAction(notify);
        return alarm;
    }

    private static MetricOptions sumOptions() {
        return MetricOptions.builder()
                .period(Duration.minutes(AlarmSettings.PERIOD_MINUTES))
                .statistic("Sum")
                .build();
    }

    public Topic getTopic() {
        return topic;
    }

    public Key getKey() {
        return key;
    }
}
