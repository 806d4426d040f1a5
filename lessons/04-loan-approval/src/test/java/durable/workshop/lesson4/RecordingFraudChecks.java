package durable.workshop.lesson4;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for the fraud-check function's start: remembers every request the workflow sent. */
final class RecordingFraudChecks implements FraudCheckStarter {

    final List<FraudCheckRequest> started = new CopyOnWriteArrayList<>();

    @Override
    public void start(FraudCheckRequest request) {
        started.add(request);
    }
}
