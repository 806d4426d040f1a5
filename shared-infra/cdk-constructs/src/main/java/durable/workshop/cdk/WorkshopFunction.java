package durable.workshop.cdk;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.ApplicationLogLevel;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IAlias;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SystemLogLevel;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * What every workshop function shares: the newest Java runtime, an explicit log group (kept for a set time and
 * removed with the stack), JSON logs, a published version and the alias {@value #ALIAS_NAME} callers use.
 *
 * <p>In an app whose config has stages ({@link WorkshopApp}), the function also takes its stage's log level and
 * log retention, and gets its alarms on the stack's {@link AlarmTopic}: every function is watched, with nothing
 * for a lesson's stack to remember.
 */
public abstract class WorkshopFunction extends Construct {

    /** Every workshop function is called through this alias (a qualified ARN). */
    public static final String ALIAS_NAME = "live";
    /** The newest Java runtime the CDK offers. */
    public static final Runtime RUNTIME = Runtime.JAVA_25;

    private final String name;
    private final Function function;
    private final Alias alias;
    private final LogGroup logGroup;

    protected WorkshopFunction(Construct scope, String id, FunctionSettings settings,
                               Consumer<Function.Builder> extra) {
        super(scope, id);
        this.name = settings.functionName;
        Optional<WorkshopConfig> stage = WorkshopConfig.of(scope).filter(WorkshopConfig::hasStages);

        // Our own log group: we choose how long logs stay, and it goes away with the stack.
        RetentionDays retention = settings.logRetention != null ? settings.logRetention
                : stage.map(WorkshopConfig::logRetention).orElse(RetentionDays.ONE_WEEK);
        logGroup = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/aws/lambda/" + settings.functionName)
                .retention(retention)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();

        Function.Builder builder = Function.Builder.create(this, "Function")
                .functionName(settings.functionName)
                .runtime(RUNTIME)
                .handler(settings.handler)
                .code(settings.code)
                .memorySize(settings.memoryMb)
                .timeout(settings.timeout)
                .environment(settings.environment)
                .logGroup(logGroup)
                .loggingFormat(LoggingFormat.JSON);
        if (settings.description != null) {
            builder.description(settings.description);
        }
        // The stage's log level: Lambda drops JSON log lines below it (dev: DEBUG, prod: INFO). Lambda's own
        // START, END and REPORT lines stay at INFO in every stage.
        stage.ifPresent(config -> builder
                .applicationLogLevelV2(ApplicationLogLevel.valueOf(config.logLevel()))
                .systemLogLevelV2(SystemLogLevel.INFO));
        extra.accept(builder);
        function = builder.build();

        // currentVersion publishes a new version whenever code or configuration changes; the alias follows it.
        alias = Alias.Builder.create(this, "Alias")
                .aliasName(ALIAS_NAME)
                .version(function.getCurrentVersion())
                .build();
        // The role's managed policy depends on the kind of function, so each subclass suppresses (with its
        // reason) only the managed-policy finding of the policy its role really has.

        stage.ifPresent(config -> AlarmTopic.of(Stack.of(this), config).watch(this));
    }

    /** The function's name as written in the config ({@code <prefix>-<suffix>}), never a token. */
    public String getName() {
        return name;
    }

    public Function getFunction() {
        return function;
    }

    /** The alias {@value #ALIAS_NAME}; its ARN is the qualified ARN callers must use. */
    public Alias getAlias() {
        return alias;
    }

    public LogGroup getLogGroup() {
        return logGroup;
    }

    public IRole getRole() {
        return function.getRole();
    }

    public String getFunctionName() {
        return function.getFunctionName();
    }

    /** The qualified ARN of the alias ({@code arn:...:function:name:live}). */
    public String getAliasArn() {
        return alias.getFunctionArn();
    }

    /**
     * Lets this function invoke exactly the given alias: {@code lambda:InvokeFunction} on the qualified alias
     * ARN and nothing else (not the unqualified function, not other versions).
     */
    public void grantInvokeAlias(IAlias target) {
        function.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("lambda:InvokeFunction"))
                .resources(List.of(target.getFunctionArn()))
                .build());
    }

    /** The cdk-nag "applies to" text of an AWS managed policy finding. */
    static String managedPolicyFinding(String policyName) {
        return "Policy::arn:<AWS::Partition>:iam::aws:policy/" + policyName;
    }
}
