package durable.workshop.lesson4;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/** The answers of the bureaus that answered, and the names of those that did not. */
public record CreditReport(List<CreditScore> scores, List<String> unavailable) {

    public CreditReport {
        scores = scores == null ? List.of() : List.copyOf(scores);
        unavailable = unavailable == null ? List.of() : List.copyOf(unavailable);
    }

    /** The mean of the scores, rounded down; 0 when none answered. */
    @JsonIgnore
    public int averageScore() {
        return scores.isEmpty() ? 0 : (int) scores.stream().mapToInt(CreditScore::score).average().orElse(0);
    }
}
