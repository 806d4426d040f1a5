package durable.workshop.lesson4;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What the validate-application step returns: the reduced application when it is valid, else every problem,
 * each naming its field.
 */
public record ValidationReport(ValidatedApplication application, List<String> problems) {

    public ValidationReport {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    @JsonIgnore
    public boolean valid() {
        return problems.isEmpty() && application != null;
    }
}
