package durable.workshop.cdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * The settings of one CDK app, read from {@code config/config.json} (resource prefix, log retention) and
 * {@code config/tags.json} (tags put on every resource). Every error names the file and the field.
 */
public final class WorkshopConfig {

    /** Lower-case letters, digits and dashes; starts with a letter. Short enough for Lambda's 64-char names. */
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9-]{0,29}");
    private static final Set<String> CONFIG_FIELDS = Set.of("resourcePrefix", "logRetentionDays");
    /** The retention periods a workshop needs; CloudWatch Logs accepts only fixed values. */
    private static final Map<Integer, RetentionDays> RETENTION = Map.of(
            1, RetentionDays.ONE_DAY, 3, RetentionDays.THREE_DAYS, 5, RetentionDays.FIVE_DAYS,
            7, RetentionDays.ONE_WEEK, 14, RetentionDays.TWO_WEEKS, 30, RetentionDays.ONE_MONTH,
            60, RetentionDays.TWO_MONTHS, 90, RetentionDays.THREE_MONTHS);

    private final String resourcePrefix;
    private final RetentionDays logRetention;
    private final int logRetentionDays;
    private final Map<String, String> tags;

    private WorkshopConfig(String resourcePrefix, int logRetentionDays, Map<String, String> tags) {
        this.resourcePrefix = resourcePrefix;
        this.logRetentionDays = logRetentionDays;
        this.logRetention = retentionFor(logRetentionDays);
        this.tags = Collections.unmodifiableMap(tags);
    }

    /** Reads {@code config.json} and {@code tags.json} from the given folder (usually {@code config}). */
    public static WorkshopConfig load(Path configDir) {
        Path configFile = configDir.resolve("config.json");
        Path tagsFile = configDir.resolve("tags.json");
        JsonNode config = readObject(configFile);
        JsonNode tagsJson = readObject(tagsFile);
        String where = "config/config.json";

        for (Iterator<String> names = config.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!CONFIG_FIELDS.contains(name)) {
                throw new InfraException(where + ": unknown field \"" + name + "\" (known fields: "
                        + String.join(", ", CONFIG_FIELDS.stream().sorted().toList()) + ").");
            }
        }

        JsonNode prefixNode = config.get("resourcePrefix");
        if (prefixNode == null || !prefixNode.isTextual()) {
            throw new InfraException(where + ": field \"resourcePrefix\" is required and must be a string,"
                    + " for example \"durable-workshop-l1\".");
        }
        String prefix = prefixNode.asText();
        if (!PREFIX.matcher(prefix).matches()) {
            throw new InfraException(where + ": field \"resourcePrefix\" is \"" + prefix + "\"; use 1-30 lower-case"
                    + " letters, digits or dashes, starting with a letter.");
        }

        int retentionDays = 7;
        JsonNode retentionNode = config.get("logRetentionDays");
        if (retentionNode != null) {
            if (!retentionNode.isInt()) {
                throw new InfraException(where + ": field \"logRetentionDays\" must be a whole number of days.");
            }
            retentionDays = retentionNode.asInt();
            if (retentionFor(retentionDays) == null) {
                throw new InfraException(where + ": field \"logRetentionDays\" is " + retentionDays
                        + "; use one of 1, 3, 5, 7, 14, 30, 60 or 90.");
            }
        }

        return new WorkshopConfig(prefix, retentionDays, readTags(tagsJson));
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

    private static RetentionDays retentionFor(int days) {
        return RETENTION.get(days);
    }

    /**
     * The config a solution's app deploys with: the prefix gets {@code -solution}, so deploying a solution
     * never replaces the learner's own stack of the same lesson in the same account.
     */
    public WorkshopConfig forSolution() {
        return new WorkshopConfig(resourcePrefix + "-solution", logRetentionDays, tags);
    }

    /** Start of every resource name and the stack name, so two deployments in one account do not collide. */
    public String resourcePrefix() {
        return resourcePrefix;
    }

    /** {@code <prefix>-<suffix>}, the naming rule for every resource. */
    public String name(String suffix) {
        return resourcePrefix + "-" + suffix;
    }

    public RetentionDays logRetention() {
        return logRetention;
    }

    public int logRetentionDays() {
        return logRetentionDays;
    }

    public Map<String, String> tags() {
        return tags;
    }
}
