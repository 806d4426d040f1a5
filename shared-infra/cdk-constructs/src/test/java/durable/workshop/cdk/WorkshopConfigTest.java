package durable.workshop.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.services.logs.RetentionDays;

class WorkshopConfigTest {

    @TempDir
    Path dir;

    private WorkshopConfig load(String config, String tags) throws IOException {
        Files.writeString(dir.resolve("config.json"), config);
        Files.writeString(dir.resolve("tags.json"), tags);
        return WorkshopConfig.load(dir);
    }

    @Test
    void readsPrefixRetentionAndTags() throws IOException {
        WorkshopConfig config = load("{\"resourcePrefix\": \"dw-l1\", \"logRetentionDays\": 14}",
                "{\"Project\": \"durable-workshop\", \"Lesson\": \"1\"}");
        assertThat(config.resourcePrefix()).isEqualTo("dw-l1");
        assertThat(config.name("items")).isEqualTo("dw-l1-items");
        assertThat(config.logRetention()).isEqualTo(RetentionDays.TWO_WEEKS);
        assertThat(config.tags()).containsExactly(Map.entry("Project", "durable-workshop"), Map.entry("Lesson", "1"));
    }

    @Test
    void aSolutionDeploysUnderItsOwnNames() throws IOException {
        WorkshopConfig solution = load("{\"resourcePrefix\": \"dw-l1\"}", "{\"Lesson\": \"1\"}").forSolution();
        assertThat(solution.resourcePrefix()).isEqualTo("dw-l1-solution");
        assertThat(solution.name("items")).isEqualTo("dw-l1-solution-items");
        assertThat(solution.tags()).containsExactly(Map.entry("Lesson", "1"));
    }

    @Test
    void logRetentionDefaultsToOneWeek() throws IOException {
        assertThat(load("{\"resourcePrefix\": \"dw\"}", "{}").logRetention()).isEqualTo(RetentionDays.ONE_WEEK);
    }

    @Test
    void missingPrefixNamesTheField() {
        assertThatThrownBy(() -> load("{}", "{}"))
                .isInstanceOf(InfraException.class)
                .hasMessage("config/config.json: field \"resourcePrefix\" is required and must be a string,"
                        + " for example \"durable-workshop-l1\".");
    }

    @Test
    void badPrefixNamesTheFieldAndTheRule() {
        assertThatThrownBy(() -> load("{\"resourcePrefix\": \"My_Prefix\"}", "{}"))
                .hasMessageContaining("\"resourcePrefix\" is \"My_Prefix\"")
                .hasMessageContaining("lower-case");
    }

    @Test
    void unknownFieldIsNamed() {
        assertThatThrownBy(() -> load("{\"resourcePrefix\": \"dw\", \"prefix\": \"x\"}", "{}"))
                .hasMessageContaining("unknown field \"prefix\"");
    }

    @Test
    void retentionThatCloudWatchRejectsIsNamed() {
        assertThatThrownBy(() -> load("{\"resourcePrefix\": \"dw\", \"logRetentionDays\": 8}", "{}"))
                .hasMessageContaining("\"logRetentionDays\" is 8");
    }

    @Test
    void badTagsAreNamed() {
        assertThatThrownBy(() -> load("{\"resourcePrefix\": \"dw\"}", "{\"Owner\": 5}"))
                .hasMessageContaining("config/tags.json: tag \"Owner\" must have a string value");
        assertThatThrownBy(() -> load("{\"resourcePrefix\": \"dw\"}", "{\"aws:owner\": \"me\"}"))
                .hasMessageContaining("reserves");
    }

    @Test
    void brokenJsonAndMissingFilesSayWhichFile() throws IOException {
        assertThatThrownBy(() -> load("{\"resourcePrefix\": ", "{}"))
                .hasMessageStartingWith("config/config.json is not valid JSON");
        Files.writeString(dir.resolve("config.json"), "{\"resourcePrefix\": \"dw\"}");
        Files.delete(dir.resolve("tags.json"));
        assertThatThrownBy(() -> WorkshopConfig.load(dir))
                .hasMessageStartingWith("config/tags.json is missing");
    }

    // --- stages ---

    private WorkshopConfig staged(String stage, String edit) throws IOException {
        Files.writeString(dir.resolve("config.json"), edit);
        Files.writeString(dir.resolve("tags.json"), "{}");
        return WorkshopConfig.load(dir, stage);
    }

    private static String withProd(String prod) {
        return StagesTest.CONFIG.replaceFirst("(?s)\"prod\": \\{.*?\\n    \\}", "\"prod\": " + prod);
    }

    @Test
    void eachStageHasItsOwnNamesAndSettings() throws IOException {
        WorkshopConfig dev = staged("dev", StagesTest.CONFIG);
        assertThat(dev.stage()).isEqualTo("dev");
        assertThat(dev.stages()).containsExactly("dev", "prod");
        assertThat(dev.resourcePrefix()).isEqualTo("dw-t-dev");
        assertThat(dev.forSolution().name("flow")).isEqualTo("dw-t-solution-dev-flow");
        assertThat(dev.logLevel()).isEqualTo("DEBUG");
        assertThat(dev.logRetention()).isEqualTo(RetentionDays.THREE_DAYS);
        assertThat(dev.durable("flow").executionTimeout().toSeconds()).isEqualTo(5400);
        assertThat(dev.durable("flow").retention().toDays()).isEqualTo(1);
        assertThat(dev.callbackTimeout("approval").toSeconds()).isEqualTo(600);
        assertThat(dev.alarms().email()).isEmpty();
        WorkshopConfig prod = staged("prod", StagesTest.CONFIG);
        assertThat(prod.resourcePrefix()).isEqualTo("dw-t-prod");
        assertThat(prod.durable("flow").executionTimeout().toSeconds()).isEqualTo(172800);
        assertThat(prod.alarms().email()).contains("ops@example.com");
        assertThat(prod.alarms().errors()).isEqualTo(1);
    }

    @Test
    void anUnknownStageListsTheStagesThereAre() {
        assertThatThrownBy(() -> staged("staging", StagesTest.CONFIG))
                .isInstanceOf(InfraException.class)
                .hasMessage("config/config.json: field \"stages.staging\" is missing: this app has the stages"
                        + " dev, prod (choose one with STAGE=...).");
    }

    @Test
    void aConfigWithoutStagesHasOnlyTheDefaultStage() {
        assertThatThrownBy(() -> staged("prod", "{\"resourcePrefix\": \"dw\"}"))
                .hasMessageStartingWith("config/config.json: field \"stages\" is missing, so this app has no"
                        + " stage \"prod\"");
        assertThatThrownBy(() -> staged("dev", "{\"resourcePrefix\": \"dw\"}").durable("flow"))
                .hasMessageContaining("field \"stages\" is missing");
    }

    @Test
    void everyStageIsCheckedWhicheverIsBuilt() {
        // A mistake in prod stops a dev synth too: nobody finds it first on the day they deploy prod.
        assertThatThrownBy(() -> staged("dev", withProd("{\"logLevel\": \"LOUD\"}")))
                .hasMessage("config/config.json: field \"stages.prod.logLevel\" is \"LOUD\"; use one of TRACE,"
                        + " DEBUG, INFO, WARN, ERROR, FATAL.");
        assertThatThrownBy(() -> staged("dev", StagesTest.CONFIG.replace("\"prod\"", "\"production\"")))
                .hasMessageContaining("field \"stages.prod\" is missing");
    }

    @Test
    void missingAndMistypedStageFieldsAreNamedWithTheirPath() {
        String prodStart = "{\"logLevel\": \"INFO\", \"logRetentionDays\": 30, ";
        String alarms = "\"alarms\": {\"errors\": 1, \"throttles\": 1, \"failedExecutions\": 1, \"timedOutExecutions\": 1}";
        assertThatThrownBy(() -> staged("dev", withProd(prodStart + alarms + "}")))
                .hasMessage("config/config.json: field \"stages.prod.durableFunctions\" is missing.");
        assertThatThrownBy(() -> staged("dev", withProd(prodStart
                + "\"durableFunctions\": {\"flow\": {\"executionTimeout\": \"2 hours\", \"retentionDays\": 7}}, " + alarms + "}")))
                .hasMessageContaining("field \"stages.prod.durableFunctions.flow.executionTimeout\" is \"2 hours\";"
                        + " write a whole number and a unit (s, m, h or d)");
        assertThatThrownBy(() -> staged("dev", withProd(prodStart
                + "\"durableFunctions\": {\"flow\": {\"executionTimeout\": \"367d\", \"retentionDays\": 7}}, " + alarms + "}")))
                .hasMessageContaining("executionTimeout\" is \"367d\"; the longest the service allows is 366d.");
        assertThatThrownBy(() -> staged("dev", withProd(prodStart
                + "\"durableFunctions\": {\"flow\": {\"executionTimeout\": \"1h\", \"retentionDays\": 91}}, " + alarms + "}")))
                .hasMessageContaining("field \"stages.prod.durableFunctions.flow.retentionDays\" is 91; Lambda keeps");
        assertThatThrownBy(() -> staged("dev", withProd(prodStart
                + "\"durableFunctions\": {\"flow\": {\"executionTimeout\": \"1h\", \"retentionDays\": 7}}, "
                + "\"alarms\": {\"errors\": 0, \"throttles\": 1, \"failedExecutions\": 1, \"timedOutExecutions\": 1}}")))
                .hasMessageContaining("field \"stages.prod.alarms.errors\" is 0; an alarm threshold is a count of at least 1.");
        assertThatThrownBy(() -> staged("dev", withProd(prodStart
                + "\"durableFunctions\": {}, \"alarms\": {\"errors\": 1, \"throttles\": 1, \"failedExecutions\": 1,"
                + " \"timedOutExecutions\": 1, \"email\": \"not-an-address\"}}")))
                .hasMessageContaining("field \"stages.prod.alarms.email\" is \"not-an-address\"");
        assertThatThrownBy(() -> staged("dev", withProd(prodStart + "\"durableFunctions\": {}, " + alarms
                + ", \"executionTimeout\": \"1h\"}")))
                .hasMessageContaining("unknown field \"stages.prod.executionTimeout\"");
    }

    @Test
    void aDurableFunctionTheStageDoesNotListOrThatWaitsLongerThanItsTimeoutIsRefused() throws IOException {
        WorkshopConfig dev = staged("dev", StagesTest.CONFIG);
        assertThatThrownBy(() -> dev.durable("other"))
                .hasMessageStartingWith("config/config.json: field \"stages.dev.durableFunctions.other\" is missing");
        assertThatThrownBy(() -> dev.durable("flow", software.amazon.awscdk.Duration.hours(2)))
                .hasMessageStartingWith("config/config.json: field \"stages.dev.durableFunctions.flow.executionTimeout\""
                        + " is 1 hour 30 minutes, shorter than the 2 hours one execution of this function can wait");
        assertThatThrownBy(() -> dev.callbackTimeout("payment"))
                .hasMessageContaining("field \"stages.dev.callbackTimeouts.payment\" is missing");
    }

    @Test
    void topLevelLogRetentionMovesIntoTheStages() {
        assertThatThrownBy(() -> staged("dev", StagesTest.CONFIG.replace("\"resourcePrefix\": \"dw-t\",",
                "\"resourcePrefix\": \"dw-t\", \"logRetentionDays\": 7,")))
                .hasMessageContaining("field \"logRetentionDays\" belongs in each stage now");
    }

    @Test
    void everyStageNamesTheSameDurableFunctionsAndCallbacks() {
        assertThatThrownBy(() -> staged("dev", StagesTest.CONFIG.replace("\"approval\": \"24h\"", "\"approve\": \"24h\"")))
                .hasMessage("config/config.json: field \"stages.prod.callbackTimeouts.approval\" is missing; every"
                        + " stage sets the same callbackTimeouts (stages.dev has it).");
    }

    @Test
    void aSettingNoFunctionReadsIsReported() throws IOException {
        WorkshopConfig dev = staged("dev", StagesTest.CONFIG);
        dev.durable("flow");
        assertThatThrownBy(dev::checkEverySettingIsUsed)
                .hasMessage("config/config.json: field \"stages.dev.callbackTimeouts.approval\" is not used by any"
                        + " function of this app; remove it or check its name.");
        dev.callbackTimeout("approval");
        dev.checkEverySettingIsUsed();
    }
}
