package durable.workshop.cdk;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.amazon.awscdk.Aspects;
import software.constructs.IConstruct;

/** cdk-nag for the workshop: the AwsSolutions rules on every app, and suppressions that always say why. */
public final class Nag {

    private Nag() {
    }

    /** Runs the AwsSolutions rules over everything under {@code scope} at synth time. */
    public static void applyAwsSolutions(IConstruct scope) {
        // Once is enough: a second pack would report every finding twice.
        boolean applied = Aspects.of(scope).getAll().stream().anyMatch(a -> a instanceof AwsSolutionsChecks);
        if (!applied) {
            Aspects.of(scope).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        }
    }

    /**
     * Suppresses {@code ruleId} on {@code construct} and its children. {@code appliesTo} narrows it to the listed
     * findings (for example one managed policy); without it the whole rule is suppressed there.
     */
    public static void suppress(IConstruct construct, String ruleId, String reason, String... appliesTo) {
        if (reason == null || reason.length() < 10) {
            throw new IllegalArgumentException("A cdk-nag suppression of " + ruleId + " needs a real reason.");
        }
        NagPackSuppression.Builder suppression = NagPackSuppression.builder().id(ruleId).reason(reason);
        if (appliesTo.length > 0) {
            suppression.appliesTo(List.of((Object[]) appliesTo));
        }
        NagSuppressions.addResourceSuppressions(construct, List.of(suppression.build()), true);
    }
}
