package software.amazon.lambda.durable.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.lambda.model.Event;
import software.amazon.awssdk.services.lambda.model.EventType;

/**
 * The history a {@link TestResult} shows, as the official local runner records it: one event per operation
 * transition, numbered from 1, without the execution's and the invocations' events, without sub-types or parent ids,
 * and without details on callback and context events. The engine keeps the service's fuller history (sub-types,
 * parent ids, results, an InvocationCompleted event per invocation) for whoever serves that API.
 */
final class OfficialHistory {
    private static final Set<EventType> NOT_SHOWN = Set.of(EventType.EXECUTION_STARTED,
            EventType.EXECUTION_SUCCEEDED, EventType.EXECUTION_FAILED, EventType.EXECUTION_TIMED_OUT,
            EventType.EXECUTION_STOPPED, EventType.INVOCATION_COMPLETED);

    private OfficialHistory() {
    }

    static List<Event> of(List<Event> engineEvents) {
        List<Event> shown = new ArrayList<>();
        for (Event e : engineEvents) {
            if (NOT_SHOWN.contains(e.eventType())) {
                continue;
            }
            Event.Builder b = Event.builder()
                    .eventId(shown.size() + 1)
                    .eventTimestamp(e.eventTimestamp())
                    .eventType(e.eventType())
                    .id(e.id())
                    .name(e.name())
                    .stepStartedDetails(e.stepStartedDetails())
                    .stepSucceededDetails(e.stepSucceededDetails())
                    .stepFailedDetails(e.stepFailedDetails())
                    .waitStartedDetails(e.waitStartedDetails())
                    .waitSucceededDetails(e.waitSucceededDetails())
                    .waitCancelledDetails(e.waitCancelledDetails())
                    .chainedInvokeStartedDetails(e.chainedInvokeStartedDetails())
                    .chainedInvokeSucceededDetails(e.chainedInvokeSucceededDetails())
                    .chainedInvokeFailedDetails(e.chainedInvokeFailedDetails())
                    .chainedInvokeTimedOutDetails(e.chainedInvokeTimedOutDetails())
                    .chainedInvokeStoppedDetails(e.chainedInvokeStoppedDetails());
            shown.add(b.build());
        }
        return shown;
    }
}
