package durable.workshop.cdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The settings of one CDK app, read from {@code config/config.json} and {@code config/tags.json} (tags put on
 * every resource). Every error names the file and the field.
 *
 * <p>{@code config.json} holds the resource prefix and, under {@code stages}, what differs between the stages the
 * app deploys ({@code dev}, {@code prod}): log level and retention, each durable function's execution timeout and
 * history retention, callback timeouts and alarm thresholds. The app builds one stage at a time, chosen with the
 * CDK context value {@value #STAGE_CONTEXT} ({@code make deploy LESSON=n STAGE=prod}); its name ends every
 * resource name, so the stages of one lesson deploy side by side. A file without {@code stages} (the format
 * before stages) still loads: it deploys as before, under the bare prefix, without stage settings or alarms.
 */
public final class WorkshopConfig {

    /** CDK context key that chooses the stage: {@code cdk synth -c stage=prod}. */
    public static final String STAGE_CONTEXT = "stage";
    /** The stage built when none is given. */
    public static final String DEFAULT_STAGE = "dev";
    /** Every config with stages has at least these. */
    public static final List<String> REQUIRED_STAGES = List.of("dev", "prod");

    /** Lower-case letters, digits and dashes; starts with a letter. Short enough for Lambda's 64-char names. */
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9-]{0,29}");
    private static final Pattern STAGE_NAME = Pattern.compile("[a-z][a-z0-9]{0,9}");
    private static final Set<String> LEGACY_FIELDS = Set.of("resourcePrefix", "logRetentionDays");
    private static final Set<String> STAGED_FIELDS = Set.of("resourcePrefix", "stages");
    /** The retention periods a workshop needs; CloudWatch Logs accepts only fixed values. */
    private static final Map<Integer, RetentionDays> RETENTION = Map.of(
            1, RetentionDays.ONE_DAY, 3, RetentionDays.THREE_DAYS, 5, RetentionDays.FIVE_DAYS,
            7, RetentionDays.ONE_WEEK, 14, RetentionDays.TWO_WEEKS, 30, RetentionDays.ONE_MONTH,
            60, RetentionDays.TWO_MONTHS, 90, RetentionDays.THREE_MONTHS);
    /** Id of the construct that carries the config in the app's tree, so functions find their stage. */
    private static final String HOLDER_ID = "WorkshopConfig";
    private static final String WHERE = StageSettings.FILE;

    private final String basePrefix;
    private final boolean solution;
    /** Null when the file has no stages (the format before stages). */
    private final StageSettings stage;
    private final Set<String> stageNames;
    private final int legacyLogRetentionDays;
    private final Map<String, String> tags;
    /** The durableFunctions and callbackTimeouts keys the app has read, so an unused one can be reported. */
    private final Set<String> used = new HashSet<>();

    private WorkshopConfig(String basePrefix, boolean solution, StageSettings stage, Set<String> stageNames,
                           int legacyLogRetentionDays, Map<String, String> tags) {
        this.basePrefix = basePrefix;
        this.solution = solution;
        this.stage = stage;
        this.stageNames = stageNames;
        this.legacyLogRetentionDays = legacyLogRetentionDays;
        this.tags = Collections.unmodifiableMap(tags);
    }

    /** Reads the config of the default stage ({@value #DEFAULT_STAGE}) from the given folder (usually {@code config}). */
    public static WorkshopConfig load(Path configDir) {
        return load(configDir, DEFAULT_STAGE);
    }

    /**
     * Reads {@code config.json} and {@code tags.json} from the given folder for one stage. Every stage in the file is
     * checked, not only this one, so a mistake in prod already stops a dev synth.
     */
    public static WorkshopConfig load(Path configDir, String stageName) {
        JsonNode config = readObject(configDir.resolve("config.json"));
        Map<String, String> tags = readTags(readObject(configDir.resolve("tags.json")));
        boolean staged = config.has("stages");
        if (staged && config.has("logRetentionDays")) {
            throw new InfraException(WHERE + ": field \"logRetentionDays\" belongs in each stage now"
                    + " (\"stages.dev.logRetentionDays\", \"stages.prod.logRetentionDays\").");
        }
        for (Iterator<String> names = config.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            Set<String> known = staged ? STAGED_FIELDS : LEGACY_FIELDS;
            if (!known.contains(name)) {
                throw new InfraException(WHERE + ": unknown field \"" + name + "\" (known fields: "
                        + String.join(", ", known.stream().sorted().toList()) + ").");
            }
        }
        String prefix = prefix(config);

        if (!staged) {
            if (!DEFAULT_STAGE.equals(stageName)) {
                throw new InfraException(WHERE + ": field \"stages\" is missing, so this app has no stage \""
                        + stageName + "\"; add \"stages\" with \"dev\" and \"prod\" settings (see the"
                        + " cdk-constructs README).");
            }
            int retentionDays = 7;
            JsonNode retentionNode = config.get("logRetentionDays");
            if (retentionNode != null) {
                retentionDays = StageSettings.wholeNumber(retentionNode, "logRetentionDays");
                if (retentionFor(retentionDays) == null) {
                    throw StageSettings.error("logRetentionDays", "is " + retentionDays
                            + "; use one of 1, 3, 5, 7, 14, 30, 60 or 90.");
                }
            }
            return new WorkshopConfig(prefix, false, null, Set.of(), retentionDays, tags);
        }

        JsonNode stagesJson = config.get("stages");
        StageSettings.requireObject(stagesJson, "stages", "{\"dev\": {...}, \"prod\": {...}}");
        Map<String, StageSettings> stages = new LinkedHashMap<>();
        StageSettings.forEachField(stagesJson, (name, json) -> {
            if (!STAGE_NAME.matcher(name).matches()) {
                throw new InfraException(WHERE + ": stage name \"stages." + name + "\" must be 1-10 lower-case"
                        + " letters or digits, starting with a letter (it ends every resource name).");
            }
            stages.put(name, StageSettings.parse(name, json));
        });
        for (String required : REQUIRED_STAGES) {
            if (!stages.containsKey(required)) {
                throw StageSettings.error("stages." + required, "is missing; every app has the stages "
                        + String.join(" and ", REQUIRED_STAGES) + ".");
            }
        }
        // The stages name the same functions and callbacks; only their values differ.
        StageSettings dev = stages.get(DEFAULT_STAGE);
        for (StageSettings other : stages.values()) {
            sameKeys(dev, other, "durableFunctions", dev.durableFunctions.keySet(), other.durableFunctions.keySet());
            sameKeys(dev, other, "callbackTimeouts", dev.callbackTimeouts.keySet(), other.callbackTimeouts.keySet());
        }
        StageSettings chosen = stages.get(stageName);
        if (chosen == null) {
            throw StageSettings.error("stages." + stageName, "is missing: this app has the stages "
                    + String.join(", ", stages.keySet()) + " (choose one with STAGE=...).");
        }
        return new WorkshopConfig(prefix, false, chosen, Collections.unmodifiableSet(stages.keySet()), 0, tags);
    }

    private static void sameKeys(StageSettings dev, StageSettings other, String field, Set<String> devKeys,
                                 Set<String> otherKeys) {
        for (String key : devKeys) {
            if (!otherKeys.contains(key)) {
                throw StageSettings.error("stages." + other.name + "." + field + "." + key, "is missing; every"
                        + " stage sets the same " + field + " (stages." + dev.name + " has it).");
            }
        }
        for (String key : otherKeys) {
            if (!devKeys.contains(key)) {
                throw StageSettings.error("stages." + dev.name + "." + field + "." + key, "is missing; every"
                        + " stage sets the same " + field + " (stages." + other.name + " has it).");
            }
        }
    }

    private static String prefix(JsonNode config) {
        JsonNode prefixNode = config.get("resourcePrefix");
        if (prefixNode == null || !prefixNode.isTextual()) {
            throw new InfraException(WHERE + ": field \"resourcePrefix\" is required and must be a string,"
                    + " for example \"durable-workshop-l1\".");
        }
        String prefix = prefixNode.asText();
        if (!PREFIX.matcher(prefix).matches()) {
            throw new InfraException(WHERE + ": field \"resourcePrefix\" is \"" + prefix + "\"; use 1-30 lower-case"
                    + " letters, digits or dashes, starting with a letter.");
        }
        return prefix;
    }

    private static Map<String, String> readTags(JsonNode json) {
        String where = "config/tags.json";
        Map<String, String> tags = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> tag = it.next();
            String key = tag.getKey();
            if (key.isBlank() || key.length() > 128) {
                throw new InfraException(where + ": tag key \"" + key + "\" must be 1-128 characters.");
            }
            if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
                throw new InfraException(where + ": tag \"" + key + "\" starts with \"aws:\", which AWS reserves.");
            }
            if (!tag.getValue().isTextual()) {
                throw new InfraException(where + ": tag \"" + key + "\" must have a string value.");
            }
            String value = tag.getValue().asText();
            if (value.length() > 256) {
                throw new InfraException(where + ": tag \"" + key + "\" has a value longer than 256 characters.");
            }
            tags.put(key, value);
        }
        return tags;
    }

    private static JsonNode readObject(Path file) {
        String name = "config/" + file.getFileName();
        try {
            JsonNode node = new ObjectMapper().readTree(Files.readString(file));
            if (node == null || !node.isObject()) {
                throw new InfraException(name + " must hold one JSON object ({ ... }).");
            }
            return node;
        } catch (NoSuchFileException e) {
            throw new InfraException(name + " is missing; run the app from the infra folder that holds config/.");
        } catch (JsonProcessingException e) {
            // Jackson gives no location for some errors; the message alone must still say what is wrong.
            String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new InfraException(name + " is not valid JSON" + line + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InfraException(name + " cannot be read: " + e.getMessage(), e);
        }
    }

    static RetentionDays retentionFor(int days) {
        return RETENTION.get(days);
    }

    /**
     * The config a solution's app deploys with: the prefix gets {@code -solution}, so deploying a solution
     * never replaces the learner's own stack of the same lesson in the same account.
     */
    public WorkshopConfig forSolution() {
        return new WorkshopConfig(basePrefix, true, stage, stageNames, legacyLogRetentionDays, tags);
    }

    /**
     * Name of the stack and start of every resource name: {@code <resourcePrefix>[-solution]-<stage>}, so two
     * deployments in one account do not collide (without stages: {@code <resourcePrefix>[-solution]}).
     */
    public String resourcePrefix() {
        String prefix = solution ? basePrefix + "-solution" : basePrefix;
        return stage == null ? prefix : prefix + "-" + stage.name;
    }

    /** {@code <prefix>-<suffix>}, the naming rule for every resource. */
    public String name(String suffix) {
        return resourcePrefix() + "-" + suffix;
    }

    /** Whether the file has {@code stages}; without them there are no stage settings and no alarms. */
    public boolean hasStages() {
        return stage != null;
    }

    /** The stage this config was loaded for ({@code dev}, {@code prod}), or null when the file has no stages. */
    public String stage() {
        return stage == null ? null : stage.name;
    }

    /** Every stage the file defines. */
    public Set<String> stages() {
        return stageNames;
    }

    /** How long log groups keep logs in this stage. */
    public RetentionDays logRetention() {
        return retentionFor(logRetentionDays());
    }

    public int logRetentionDays() {
        return stage == null ? legacyLogRetentionDays : stage.logRetentionDays;
    }

    /** Lambda's application log level in this stage (DEBUG, INFO, ...), or null when the file has no stages. */
    public String logLevel() {
        return stage == null ? null : stage.logLevel;
    }

    /**
     * Execution timeout and history retention of the durable function {@code name}
     * ({@code stages.<stage>.durableFunctions.<name>}).
     */
    public DurableSettings durable(String name) {
        DurableSettings settings = stageSettings("durableFunctions." + name).durableFunctions.get(name);
        used.add("durableFunctions." + name);
        if (settings == null) {
            throw StageSettings.error(path("durableFunctions." + name), "is missing; give this durable"
                    + " function's \"executionTimeout\" and \"retentionDays\".");
        }
        return settings;
    }

    /**
     * Like {@link #durable(String)}, and refuses an execution timeout shorter than {@code longestRun}: how long the
     * function's own waits can keep one execution going (lesson 1: its polls for up to an hour).
     */
    public DurableSettings durable(String name, Duration longestRun) {
        DurableSettings settings = durable(name);
        if (settings.executionTimeout().toSeconds().doubleValue() < longestRun.toSeconds().doubleValue()) {
            throw StageSettings.error(path("durableFunctions." + name + ".executionTimeout"), "is "
                    + settings.executionTimeout().toHumanString() + ", shorter than the "
                    + longestRun.toHumanString() + " one execution of this function can wait; make it at least that.");
        }
        return settings;
    }

    /** The timeout of the callback {@code name} in this stage ({@code stages.<stage>.callbackTimeouts.<name>}). */
    public Duration callbackTimeout(String name) {
        Duration timeout = stageSettings("callbackTimeouts." + name).callbackTimeouts.get(name);
        used.add("callbackTimeouts." + name);
        if (timeout == null) {
            throw StageSettings.error(path("callbackTimeouts." + name), "is missing; give the callback's timeout,"
                    + " for example \"24h\".");
        }
        return timeout;
    }

    /** Alarm thresholds and the optional e-mail of this stage ({@code stages.<stage>.alarms}). */
    public AlarmSettings alarms() {
        return stageSettings("alarms").alarms;
    }

    public Map<String, String> tags() {
        return tags;
    }

    /**
     * Puts this config into the app's construct tree, where {@link #of} finds it: workshop functions take their
     * stage's log level and alarms from it. {@link WorkshopApp} does this before it defines the stack.
     */
    public void attachTo(App app) {
        if (app.getNode().tryFindChild(HOLDER_ID) != null) {
            throw new IllegalStateException("This app already has a WorkshopConfig.");
        }
        new Holder(app, this);
    }

    /** The config attached to the app that {@code scope} belongs to, if any. */
    public static Optional<WorkshopConfig> of(IConstruct scope) {
        IConstruct found = scope.getNode().getRoot().getNode().tryFindChild(HOLDER_ID);
        return found instanceof Holder holder ? Optional.of(holder.config) : Optional.empty();
    }

    /**
     * Refuses a {@code durableFunctions} or {@code callbackTimeouts} entry that the app never read: a misspelt or
     * left-over name would otherwise be silently ignored. {@link WorkshopApp} calls it after defining the stack.
     */
    public void checkEverySettingIsUsed() {
        if (stage == null) {
            return;
        }
        List<String> defined = new ArrayList<>();
        stage.durableFunctions.keySet().forEach(key -> defined.add("durableFunctions." + key));
        stage.callbackTimeouts.keySet().forEach(key -> defined.add("callbackTimeouts." + key));
        for (String field : defined) {
            if (!used.contains(field)) {
                throw StageSettings.error(path(field), "is not used by any function of this app; remove it or"
                        + " check its name.");
            }
        }
    }

    private StageSettings stageSettings(String field) {
        if (stage == null) {
            throw new InfraException(WHERE + ": field \"stages\" is missing, so there is no \"" + field
                    + "\" to read; add \"stages\" with \"dev\" and \"prod\" settings (see the cdk-constructs README).");
        }
        return stage;
    }

    private String path(String field) {
        return "stages." + stage.name + "." + field;
    }

    /** Carries the config in the construct tree; it adds nothing to any template. */
    private static final class Holder extends Construct {
        private final WorkshopConfig config;

        Holder(App app, WorkshopConfig config) {
            super(app, HOLDER_ID);
            this.config = config;
        }
    }
}
