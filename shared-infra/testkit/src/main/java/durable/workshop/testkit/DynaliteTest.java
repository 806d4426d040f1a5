package durable.workshop.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against a local DynamoDB API (dynalite on 127.0.0.1).
 *
 * <p>The declared tables are deleted and re-created empty before each test, and a {@code DynamoDbClient}
 * parameter of a test method or constructor receives a client pointed at the local server.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Inherited
@ExtendWith(DynaliteExtension.class)
public @interface DynaliteTest {

    /** Tables every test of the class starts with, empty. */
    DynamoTable[] tables() default {};
}
