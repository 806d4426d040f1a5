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
}
