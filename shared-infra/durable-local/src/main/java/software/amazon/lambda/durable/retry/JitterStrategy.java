package software.amazon.lambda.durable.retry;

import java.util.concurrent.ThreadLocalRandom;

/** Randomises a computed delay so that many clients retrying together do not all retry at the same moment. */
public enum JitterStrategy {
    /** The exact delay. */
    NONE {
        @Override
        public double apply(double delay) {
            return delay;
        }
    },
    /** Anywhere between 0 and the delay. */
    FULL {
        @Override
        public double apply(double delay) {
            return ThreadLocalRandom.current().nextDouble() * delay;
        }
    },
    /** Between half the delay and the delay. */
    HALF {
        @Override
        public double apply(double delay) {
            return delay / 2 + ThreadLocalRandom.current().nextDouble() * (delay / 2);
        }
    };

    public abstract double apply(double delay);
}
