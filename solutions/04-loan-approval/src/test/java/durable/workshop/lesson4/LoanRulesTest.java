package durable.workshop.lesson4;

import static durable.workshop.testkit.LearnerLanguage.say;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Exercise 4.3: the lending rules on the average score and the amount. */
@Tag("exercise:4.3")
class LoanRulesTest {

    private static CreditReport scores(int... values) {
        List<CreditScore> list = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            list.add(new CreditScore(CreditBureaus.ALL.get(i), values[i]));
        }
        return new CreditReport(list, List.of());
    }

    private static Assessment decide(LoanApplication application, CreditReport report) {
        return LoanRules.decide(Profiles.validated(application), report);
    }

    @Test
    void bobIsDeniedForALowCreditScore() {
        Assessment bob = decide(Profiles.BOB, scores(570, 580, 590));

        assertThat(bob.outcome()).as(say("Bob's average score 580 is below 650: DENY", "Bob の平均スコア 580 は 650 未満なので DENY のはずです"))
                .isEqualTo(Assessment.DENY);
        assertThat(bob.reason()).contains("credit score too low").contains("580");
        assertThat(bob.averageScore()).isEqualTo(580);
    }

    @Test
    void charlieIsApprovedUpToTwentyFiveThousand() {
        Assessment within = decide(Profiles.CHARLIE, scores(690, 700, 710));
        Assessment over = decide(Profiles.withAmount(Profiles.CHARLIE, "charlie-002", "25001"), scores(690, 700, 710));

        assertThat(within.outcome()).as(say("25000 with a score of 700 is within the limit: APPROVE",
                "スコア 700 で 25000 は上限内なので APPROVE のはずです")).isEqualTo(Assessment.APPROVE);
        assertThat(over.outcome()).as(say("25001 with a score of 700 is over the 25000 limit: DENY",
                "スコア 700 で 25001 は上限 25000 を超えるので DENY のはずです")).isEqualTo(Assessment.DENY);
        assertThat(over.reason()).contains("limit").contains("25000");
    }

    @Test
    void aliceNeedsAManagerForALargeAmount() {
        Assessment alice = decide(Profiles.ALICE, scores(770, 780, 790));
        Assessment tooMuch = decide(Profiles.withAmount(Profiles.ALICE, "alice-002", "300000"), scores(770, 780, 790));

        assertThat(alice.outcome()).as(say("150000 is over 100000, within the 250000 limit: MANAGER_APPROVAL",
                "150000 は 100000 を超え、上限 250000 以内なので MANAGER_APPROVAL のはずです"))
                .isEqualTo(Assessment.MANAGER_APPROVAL);
        assertThat(tooMuch.outcome()).as(say("300000 is over the 250000 limit: DENY", "300000 は上限 250000 を超えるので DENY のはずです"))
                .isEqualTo(Assessment.DENY);
    }

    @Test
    void theBoundariesBelongToTheBetterSide() {
        assertThat(decide(Profiles.CHARLIE, scores(650, 650)).outcome())
                .as(say("a score of exactly 650 is not too low", "スコアがちょうど 650 なら低すぎません")).isEqualTo(Assessment.APPROVE);
        assertThat(decide(Profiles.withAmount(Profiles.ALICE, "alice-003", "100000"), scores(750, 750)).outcome())
                .as(say("exactly 100000 needs no manager; 750 is a prime score",
                        "ちょうど 100000 ならマネージャーの承認は不要で、750 は上位スコアです"))
                .isEqualTo(Assessment.APPROVE);
    }
}
