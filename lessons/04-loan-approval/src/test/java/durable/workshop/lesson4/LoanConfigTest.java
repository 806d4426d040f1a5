package durable.workshop.lesson4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The settings the CDK app passes, and the JSON the Lambda runtime uses for the plain functions (not an exercise). */
class LoanConfigTest {

    private static final Map<String, String> DEPLOYED = Map.of(LoanConfig.PROGRESS_TABLE, "t",
            LoanConfig.FRAUD_CHECK_FUNCTION, TestConfig.FRAUD, LoanConfig.APPROVAL_TIMEOUT_SECONDS, "1800",
            LoanConfig.FRAUD_CHECK_TIMEOUT_SECONDS, "600");

    private static Map<String, String> deployedWith(String name, String value) {
        Map<String, String> env = new HashMap<>(DEPLOYED);
        env.put(name, value);
        return env;
    }

    @Test
    void readsTheEnvironmentTheCdkAppSets() {
        LoanConfig config = LoanConfig.fromEnvironment(deployedWith(LoanConfig.BUREAU_OUTAGES, "experian, transunion"));

        assertThat(config.approvalTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.fraudCheckTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.bureauOutages()).containsExactlyInAnyOrder("experian", "transunion");
    }

    @Test
    void aMissingOrUnqualifiedSettingIsReportedByName() {
        assertThatThrownBy(() -> LoanConfig.fromEnvironment(Map.of(LoanConfig.FRAUD_CHECK_FUNCTION, TestConfig.FRAUD)))
                .hasMessageStartingWith("PROGRESS_TABLE is not set");
        assertThatThrownBy(() -> LoanConfig.fromEnvironment(deployedWith(LoanConfig.FRAUD_CHECK_FUNCTION,
                "loan-approval-fraud-check")))
                .hasMessageContaining("FRAUD_CHECK_FUNCTION").hasMessageContaining("no version or alias");
        assertThatThrownBy(() -> LoanConfig.fromEnvironment(deployedWith(LoanConfig.APPROVAL_TIMEOUT_SECONDS, "soon")))
                .hasMessageStartingWith("APPROVAL_TIMEOUT_SECONDS is 'soon'");
        assertThatThrownBy(() -> LoanConfig.fromEnvironment(deployedWith(LoanConfig.FRAUD_CHECK_TIMEOUT_SECONDS, "0")))
                .hasMessageStartingWith("FRAUD_CHECK_TIMEOUT_SECONDS is '0'");
        Map<String, String> noTimeout = deployedWith(LoanConfig.BUREAU_OUTAGES, "");
        noTimeout.remove(LoanConfig.APPROVAL_TIMEOUT_SECONDS);
        assertThatThrownBy(() -> LoanConfig.fromEnvironment(noTimeout))
                .hasMessageStartingWith("APPROVAL_TIMEOUT_SECONDS is not set");
    }

    @Test
    void timeoutsAreDescribedInTheirLargestWholeUnit() {
        assertThat(LoanConfig.describe(Duration.ofMinutes(30))).isEqualTo("30 minutes");
        assertThat(LoanConfig.describe(Duration.ofDays(3))).isEqualTo("3 days");
        assertThat(LoanConfig.describe(Duration.ofHours(1))).isEqualTo("1 hour");
        assertThat(LoanConfig.describe(Duration.ofSeconds(90))).isEqualTo("90 seconds");
    }

    @Test
    void theLambdaRuntimeFindsTheSerializer() {
        assertThat(ServiceLoader.load(CustomPojoSerializer.class)).hasAtLeastOneElementOfType(WorkerJson.class);
    }

    @Test
    void theSimulatedBureausAreDeterministicAndCanBeDown() {
        ValidatedApplication alice = Profiles.validated(Profiles.ALICE);
        CreditBureaus bureaus = new CreditBureaus(java.util.Set.of(CreditBureaus.EXPERIAN));

        assertThat(bureaus.score(CreditBureaus.EQUIFAX, alice, 1)).isEqualTo(new CreditScore("equifax", 770));
        assertThat(bureaus.score(CreditBureaus.EQUIFAX, alice, 2)).isEqualTo(new CreditScore("equifax", 770));
        assertThatThrownBy(() -> bureaus.score(CreditBureaus.EXPERIAN, alice, 1))
                .isInstanceOf(CreditBureaus.BureauUnavailableException.class);
    }
}
