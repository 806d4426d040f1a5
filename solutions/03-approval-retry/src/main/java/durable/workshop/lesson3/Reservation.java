package durable.workshop.lesson3;

import java.util.List;

/** The answer of the reserve-inventory step: stock held, stock short, or an order id that is already closed. */
public record Reservation(String outcome, List<String> problems) {

    public static final String RESERVED = "RESERVED";
    public static final String SHORT = "SHORT";
    public static final String CLOSED = "CLOSED";

    public static Reservation made() {
        return new Reservation(RESERVED, List.of());
    }

    public static Reservation shortOf(List<String> shortages) {
        return new Reservation(SHORT, List.copyOf(shortages));
    }

    public static Reservation closed(String problem) {
        return new Reservation(CLOSED, List.of(problem));
    }

    public boolean reserved() {
        return RESERVED.equals(outcome);
    }
}
