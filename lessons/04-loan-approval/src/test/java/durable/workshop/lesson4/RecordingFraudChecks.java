package durable.workshop.lesson4;

import java.util.ArrayList;
import java.util.List;

/** Stands in for the fraud-check function's start: remembers every request the workflow sent. */
final class RecordingFraudChecks implements FraudCheckStarter {

    final List<FraudCheckRequest> started = new ArrayList<>();

    @Override
    public void start(FraudCheckRequest request) {
        started.add(request);
    }
}
