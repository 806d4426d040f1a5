package durable.workshop.cdk;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/**
 * Synthesizes a stack offline for tests: a placeholder function jar in a temp folder, the AwsSolutions checks,
 * and a failure that lists every unsuppressed cdk-nag error or warning. Returns the template to assert on.
 */
public final class SynthTester {

    private SynthTester() {
    }

    /** Synthesizes the stack that {@code define} builds in a fresh app; fails on any unsuppressed finding. */
    public static Template synth(Function<App, Stack> define) {
        return synth(Map.of(), define);
    }

    /**
     * Like {@link #synth(Function)} for one stage: the app gets the context value
     * {@value WorkshopConfig#STAGE_CONTEXT}, as {@code make synth STAGE=prod} gives it.
     */
    public static Template synth(String stage, Function<App, Stack> define) {
        return synth(Map.of(WorkshopConfig.STAGE_CONTEXT, stage), define);
    }

    /** Like {@link #synth(Function)}, with more CDK context values (for example the stage and the track). */
    public static Template synth(Map<String, String> context, Function<App, Stack> define) {
        Map<String, Object> all = new HashMap<>(context);
        all.put(FunctionJar.CONTEXT_KEY, placeholderJar().toString());
        App app = new App(AppProps.builder()
                .context(all)
                .outdir(tempDir("cdk-out").toString())
                .build());
        Stack stack = define.apply(app);
        Nag.applyAwsSolutions(app);
        assertNoFindings(stack);
        return Template.fromStack(stack);
    }

    /** Throws an AssertionError naming every error and warning annotation on the stack (cdk-nag's included). */
    public static void assertNoFindings(Stack stack) {
        Annotations annotations = Annotations.fromStack(stack);
        List<String> findings = new ArrayList<>();
        for (SynthesisMessage m : annotations.findError("*", Match.anyValue())) {
            findings.add("ERROR   " + m.getId() + ": " + m.getEntry().getData());
        }
        for (SynthesisMessage m : annotations.findWarning("*", Match.anyValue())) {
            findings.add("WARNING " + m.getId() + ": " + m.getEntry().getData());
        }
        if (!findings.isEmpty()) {
            throw new AssertionError(findings.size() + " unsuppressed finding(s) in stack " + stack.getStackName()
                    + " (fix the resource, or suppress with a reason):\n  " + String.join("\n  ", findings));
        }
    }

    /** How a synthesized template spells an AWS managed policy ARN, for assertions on ManagedPolicyArns. */
    public static Map<String, Object> managedPolicyArn(String policyName) {
        return Map.of("Fn::Join", List.of("", List.of(
                "arn:", Map.of("Ref", "AWS::Partition"), ":iam::aws:policy/" + policyName)));
    }

    /** The logical ID of the one resource of {@code type} whose property {@code property} equals {@code value}. */
    @SuppressWarnings("unchecked")
    public static String logicalId(Template template, String type, String property, Object value) {
        List<String> ids = new ArrayList<>();
        template.findResources(type).forEach((id, resource) -> {
            Object props = ((Map<String, Object>) resource).get("Properties");
            if (props instanceof Map<?, ?> map && value.equals(map.get(property))) {
                ids.add(id);
            }
        });
        if (ids.size() != 1) {
            throw new AssertionError("expected one " + type + " with " + property + " = " + value + ", found " + ids);
        }
        return ids.get(0);
    }

    /** The logical ID of the function named {@code functionName}. */
    public static String functionId(Template template, String functionName) {
        return logicalId(template, "AWS::Lambda::Function", "FunctionName", functionName);
    }

    /** The logical ID of the one alias of the function named {@code functionName}. */
    public static String aliasId(Template template, String functionName) {
        Map<String, Map<String, Object>> aliases = template.findResources("AWS::Lambda::Alias", Map.of("Properties",
                Map.of("FunctionName", Map.of("Ref", functionId(template, functionName)))));
        if (aliases.size() != 1) {
            throw new AssertionError("expected one alias of " + functionName + ", found " + aliases.keySet());
        }
        return aliases.keySet().iterator().next();
    }

    /**
     * What the stages set for logs: the functions {@code <prefix>-<suffix>} log at DEBUG in dev and at INFO in prod
     * (system logs at INFO in both), and every log group keeps its logs 3 days in dev and 30 in prod.
     */
    public static void assertStageLogging(Template dev, String devPrefix, Template prod, String prodPrefix,
                                          List<String> functionSuffixes) {
        for (String suffix : functionSuffixes) {
            dev.hasResourceProperties("AWS::Lambda::Function", Map.of("FunctionName", devPrefix + "-" + suffix,
                    "LoggingConfig", Match.objectLike(Map.of("ApplicationLogLevel", "DEBUG", "SystemLogLevel", "INFO"))));
            prod.hasResourceProperties("AWS::Lambda::Function", Map.of("FunctionName", prodPrefix + "-" + suffix,
                    "LoggingConfig", Match.objectLike(Map.of("ApplicationLogLevel", "INFO", "SystemLogLevel", "INFO"))));
        }
        dev.allResourcesProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 3));
        prod.allResourcesProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30));
    }

    /**
     * Every action that the inline policies (AWS::IAM::Policy) attached to the one role whose logical ID starts
     * with {@code rolePrefix} allow, in template order. Managed policies are not included.
     */
    @SuppressWarnings("unchecked")
    public static List<String> policyActions(Template template, String rolePrefix) {
        List<String> roles = template.findResources("AWS::IAM::Role").keySet().stream()
                .filter(id -> id.startsWith(rolePrefix)).toList();
        if (roles.size() != 1) {
            throw new AssertionError("expected one AWS::IAM::Role whose logical ID starts with " + rolePrefix
                    + ", found " + roles);
        }
        Map<String, Object> roleRef = Map.of("Ref", roles.get(0));
        List<String> actions = new ArrayList<>();
        template.findResources("AWS::IAM::Policy").values().forEach(resource -> {
            Map<String, Object> props = (Map<String, Object>) ((Map<String, Object>) resource).get("Properties");
            List<Object> attachedTo = (List<Object>) props.getOrDefault("Roles", List.of());
            if (!attachedTo.contains(roleRef)) {
                return;
            }
            Map<String, Object> document = (Map<String, Object>) props.get("PolicyDocument");
            for (Object statement : (List<Object>) document.get("Statement")) {
                Object action = ((Map<String, Object>) statement).get("Action");
                if (action instanceof List<?> list) {
                    list.forEach(a -> actions.add((String) a));
                } else {
                    actions.add((String) action);
                }
            }
        });
        return actions;
    }

    /**
     * The CloudWatch alarms on the function with logical ID {@code functionId}, as metric name to threshold: every
     * alarm whose metric is in {@code AWS/Lambda} with the one dimension {@code FunctionName} = that function.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Number> alarmThresholds(Template template, String functionId) {
        Map<String, Number> thresholds = new java.util.LinkedHashMap<>();
        Object dimensions = List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", functionId)));
        template.findResources("AWS::CloudWatch::Alarm").values().forEach(resource -> {
            Map<String, Object> props = (Map<String, Object>) ((Map<String, Object>) resource).get("Properties");
            if ("AWS/Lambda".equals(props.get("Namespace")) && dimensions.equals(props.get("Dimensions"))) {
                thresholds.put((String) props.get("MetricName"), (Number) props.get("Threshold"));
            }
        });
        return thresholds;
    }

    /**
     * Fails unless the template has one alarm topic, encrypted with a KMS key that rotates, whose policy denies
     * every request made without TLS, and no e-mail subscription unless {@code subscriptions} says so.
     */
    public static void assertAlarmTopicIsEncryptedAndTlsOnly(Template template, int subscriptions) {
        template.resourceCountIs("AWS::SNS::Topic", 1);
        template.hasResourceProperties("AWS::SNS::Topic", Map.of("KmsMasterKeyId", Match.anyValue()));
        template.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
        Object denyWithoutTls = Match.objectLike(Map.of(
                "Effect", "Deny",
                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))));
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(denyWithoutTls))))));
        template.resourceCountIs("AWS::SNS::Subscription", subscriptions);
        if (template.findOutputs(AlarmTopic.OUTPUT).size() != 1) {
            throw new AssertionError("the stack has no output " + AlarmTopic.OUTPUT);
        }
    }

    /** A tiny valid jar standing in for the lesson's function jar, so tests need no build of it. */
    public static Path placeholderJar() {
        Path jar = tempDir("function-jar").resolve("function.jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("placeholder.txt"));
            zip.write("stands in for the function jar in synth tests".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the placeholder jar", e);
        }
        return jar;
    }

    private static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temp folder", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Best effort: the folder is in the system temp dir anyway.
        }
    }
}
