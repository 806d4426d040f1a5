package durable.workshop.lesson4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The settings the CDK app passes, and the JSON the Lambda runtime uses for the plain functions (not an exercise). */
class LoanConfigTest {

    @Test
    void readsTheEnvironmentTheCdkAppSets() {
        LoanConfig config = LoanConfig.fromEnvironment(Map.of(LoanConfig.PROGRESS_TABLE, "t",
                LoanConfig.FRAUD_CHECK_FUNCTION, TestConfig.FRAUD, LoanConfig.APPROVAL_TIMEOUT_HOURS, "72",
                LoanConfig.BUREAU_OUTAGES, "experian, transunion"));

        assertThat(config.approvalTimeout()).isEqualTo(Duration.ofHours(72));
        assertThat(config.bureauOutages()).containsExactlyInAnyOrder("experian", "transunion");
    }

    @Test
    void aMissingOrUnqualifiedSettingIsReportedByName() {
        assertThatThrownBy(() -> LoanConfig.fromEnvironment(Map.of(LoanConfig.FRAUD_CHECK_FUNCTION, TestConfig.FRAUD)))
                .hasMessageStartingWith("PROGRESS_TABLE is not set");
        assertThatThrownBy(() -> LoanConfig.fromEnvironment(Map.of(LoanConfig.PROGRESS_TABLE, "t",
                LoanConfig.FRAUD_CHECK_FUNCTION, "loan-approval-fraud-check")))
                .hasMessageContaining("FRAUD_CHECK_FUNCTION").hasMessageContaining("no version or alias");
        assertThatThrownBy(() -> LoanConfig.fromEnvironment(Map.of(LoanConfig.PROGRESS_TABLE, "t",
                LoanConfig.FRAUD_CHECK_FUNCTION, TestConfig.FRAUD, LoanConfig.APPROVAL_TIMEOUT_HOURS, "soon")))
                .hasMessageStartingWith("APPROVAL_TIMEOUT_HOURS is 'soon'");
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
