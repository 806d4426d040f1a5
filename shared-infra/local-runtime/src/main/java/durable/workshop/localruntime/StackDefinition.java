package durable.workshop.localruntime;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the runtime needs from a lesson's synthesized CloudFormation template: its functions (handler, environment,
 * aliases, durable or not), its DynamoDB tables and the items the stack loads into them, and its HTTP API routes.
 * The template is the lesson's deploy definition, so the local system is the one that would be deployed.
 */
final class StackDefinition {
    static final String REGION = "us-east-1";
    static final String ACCOUNT = "123456789012";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Function(String logicalId, String name, String handler, Map<String, String> environment, boolean durable,
                    List<String> aliases, int timeoutSeconds) {
        String arn() {
            return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + name;
        }
    }

    record Table(String name, Map<String, Object> properties) {
    }

    /** One item write the stack makes at deploy time (an AwsCustomResource's DynamoDB call). */
    record SeedCall(String action, Map<String, Object> parameters) {
    }

    /** An HTTP API route: "POST /loans" → function (qualifier may be null). */
    record Route(String method, String path, String functionName, String qualifier) {
    }

    final String stackName;
    final List<Function> functions = new ArrayList<>();
    final List<Table> tables = new ArrayList<>();
    final List<SeedCall> seedCalls = new ArrayList<>();
    final List<Route> routes = new ArrayList<>();
    private final Map<String, Map<String, Object>> resources;

    @SuppressWarnings("unchecked")
    StackDefinition(String stackName, Map<String, Object> template) {
        this.stackName = stackName;
        this.resources = (Map<String, Map<String, Object>>) template.getOrDefault("Resources", Map.of());
        resources.forEach((id, resource) -> {
            Map<String, Object> props = (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
            switch (String.valueOf(resource.get("Type"))) {
                case "AWS::Lambda::Function" -> readFunction(id, props);
                case "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable" ->
                        tables.add(new Table(String.valueOf(resolve(props.get("TableName"))), props));
                case "Custom::AWS" -> readSeedCall(props);
                default -> { }
            }
        });
        resources.forEach((id, resource) -> {
            if ("AWS::ApiGatewayV2::Route".equals(resource.get("Type"))) {
                readRoute((Map<String, Object>) resource.get("Properties"));
            }
        });
    }

    static StackDefinition read(Path templateFile) {
        try {
            String file = templateFile.getFileName().toString();
            return new StackDefinition(file.replace(".template.json", ""), JSON.readValue(templateFile.toFile(), Map.class));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the template " + templateFile + ": " + e.getMessage(), e);
        }
    }

    static StackDefinition parse(String stackName, String templateJson) {
        try {
            return new StackDefinition(stackName, JSON.readValue(templateJson, Map.class));
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a CloudFormation template: " + e.getMessage(), e);
        }
    }

    Optional<Function> function(String name) {
        return functions.stream().filter(f -> f.name.equals(name)).findFirst();
    }

    @SuppressWarnings("unchecked")
    private void readFunction(String id, Map<String, Object> props) {
        Object handler = props.get("Handler");
        if (handler == null) {
            return; // inline code the CDK adds for its own custom resources, not a lesson function
        }
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, Object> environment = (Map<String, Object>) props.get("Environment");
        if (environment != null && environment.get("Variables") instanceof Map<?, ?> vars) {
            vars.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(resolve(v))));
        }
        if (String.valueOf(props.getOrDefault("Runtime", "java")).startsWith("nodejs")) {
            return; // the CDK's own helper functions (log retention, custom resources)
        }
        List<String> aliases = new ArrayList<>();
        resources.values().forEach(r -> {
            Map<String, Object> p = (Map<String, Object>) r.get("Properties");
            if ("AWS::Lambda::Alias".equals(r.get("Type")) && p != null && refersTo(p.get("FunctionName"), id)) {
                aliases.add(String.valueOf(p.get("Name")));
            }
        });
        int timeout = props.get("Timeout") instanceof Number n ? n.intValue() : 3;
        functions.add(new Function(id, functionName(id), String.valueOf(handler), env,
                props.containsKey("DurableConfig"), aliases, timeout));
    }

    @SuppressWarnings("unchecked")
    private void readSeedCall(Map<String, Object> props) {
        Object create = resolve(props.get("Create"));
        if (create == null) {
            return;
        }
        try {
            Map<String, Object> call = create instanceof Map ? (Map<String, Object>) create
                    : JSON.readValue(String.valueOf(create), Map.class);
            if ("DynamoDB".equalsIgnoreCase(String.valueOf(call.get("service")))) {
                seedCalls.add(new SeedCall(String.valueOf(call.get("action")),
                        (Map<String, Object>) call.getOrDefault("parameters", Map.of())));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("The custom resource call " + create + " is not JSON", e);
        }
    }

    @SuppressWarnings("unchecked")
    private void readRoute(Map<String, Object> props) {
        String[] key = String.valueOf(props.get("RouteKey")).split(" ", 2);
        String target = String.valueOf(resolve(props.get("Target")));
        String integrationId = target.startsWith("integrations/") ? target.substring("integrations/".length()) : target;
        Map<String, Object> integration = resources.get(integrationId);
        if (integration == null || key.length != 2) {
            return;
        }
        Map<String, Object> ip = (Map<String, Object>) integration.get("Properties");
        String uri = String.valueOf(resolve(ip.get("IntegrationUri")));
        FunctionRef ref = FunctionRef.parse(uri);
        routes.add(new Route(key[0], key[1], ref.name(), ref.qualifier()));
    }

    private String functionName(String logicalId) {
        Map<String, Object> props = props(logicalId);
        Object name = props == null ? null : props.get("FunctionName");
        return name == null ? logicalId : String.valueOf(resolve(name));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> props(String logicalId) {
        Map<String, Object> r = resources.get(logicalId);
        return r == null ? null : (Map<String, Object>) r.get("Properties");
    }

    private static boolean refersTo(Object value, String logicalId) {
        return value instanceof Map<?, ?> m && logicalId.equals(m.get("Ref"));
    }

    /** The value an intrinsic function gives once deployed, for the intrinsics lesson templates use. */
    @SuppressWarnings("unchecked")
    Object resolve(Object value) {
        if (!(value instanceof Map<?, ?> map) || map.size() != 1) {
            return value;
        }
        if (map.containsKey("Ref")) {
            return ref(String.valueOf(map.get("Ref")));
        }
        if (map.containsKey("Fn::GetAtt")) {
            List<Object> att = (List<Object>) map.get("Fn::GetAtt");
            return getAtt(String.valueOf(att.get(0)), String.valueOf(att.get(1)));
        }
        if (map.containsKey("Fn::Join")) {
            List<Object> join = (List<Object>) map.get("Fn::Join");
            StringBuilder out = new StringBuilder();
            List<Object> parts = (List<Object>) join.get(1);
            for (int i = 0; i < parts.size(); i++) {
                out.append(i == 0 ? "" : join.get(0)).append(resolve(parts.get(i)));
            }
            return out.toString();
        }
        return value;
    }

    private String ref(String id) {
        switch (id) {
            case "AWS::Region": return REGION;
            case "AWS::AccountId": return ACCOUNT;
            case "AWS::Partition": return "aws";
            case "AWS::URLSuffix": return "amazonaws.com";
            case "AWS::StackName": return stackName;
            default: break;
        }
        Map<String, Object> r = resources.get(id);
        Map<String, Object> p = props(id);
        if (r == null) {
            return id;
        }
        return switch (String.valueOf(r.get("Type"))) {
            case "AWS::Lambda::Function" -> functionName(id);
            case "AWS::Lambda::Alias" -> aliasArn(p);
            case "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable" -> String.valueOf(resolve(p.get("TableName")));
            default -> id;
        };
    }

    private String getAtt(String id, String attribute) {
        Map<String, Object> r = resources.get(id);
        if (r == null) {
            return id + "." + attribute;
        }
        String type = String.valueOf(r.get("Type"));
        if (type.equals("AWS::Lambda::Function") && attribute.equals("Arn")) {
            return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + functionName(id);
        }
        if (type.equals("AWS::Lambda::Alias") && attribute.equals("AliasArn")) {
            return aliasArn(props(id));
        }
        if (type.startsWith("AWS::DynamoDB::") && attribute.equals("Arn")) {
            return "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + ref(id);
        }
        return ref(id);
    }

    private String aliasArn(Map<String, Object> aliasProps) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + resolve(aliasProps.get("FunctionName")) + ":"
                + aliasProps.get("Name");
    }
}
