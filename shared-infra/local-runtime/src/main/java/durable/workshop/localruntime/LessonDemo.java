package durable.workshop.localruntime;

import java.util.Map;

/**
 * A lesson's demo: drives the deployed or the local system through the Lambda API and says how each execution
 * ended. It throws {@link Failed} when an execution did not end as the lesson expects. A lesson adds its demo by
 * implementing this interface and listing it in {@link #BY_LESSON}.
 */
interface LessonDemo {
    Map<Integer, LessonDemo> BY_LESSON = Map.of(1, new Lesson1Demo(), 2, new Lesson2Demo());

    void run(DemoSession session) throws Exception;

    /** An execution that ended otherwise than the lesson expects. */
    final class Failed extends Exception {
        Failed(String message) {
            super(message);
        }
    }
}
