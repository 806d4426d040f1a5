package durable.workshop.lesson4;

/** One bureau's answer: a score from 300 to 900. */
public record CreditScore(String bureau, int score) {
}
