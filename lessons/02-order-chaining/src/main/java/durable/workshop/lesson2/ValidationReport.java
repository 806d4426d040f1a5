package durable.workshop.lesson2;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/** What the validate-order step returns: the problems it found, each naming its field. Empty means valid. */
public record ValidationReport(List<String> problems) {

    public ValidationReport {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    @JsonIgnore
    public boolean valid() {
        return problems.isEmpty();
    }
}
