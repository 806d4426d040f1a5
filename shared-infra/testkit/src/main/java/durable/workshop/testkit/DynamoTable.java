package durable.workshop.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A DynamoDB table a {@link DynaliteTest} needs: empty before each test, with this schema. Keys are strings. */
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface DynamoTable {

    /** Table name, as the code under test sees it (for example in {@code TABLE_NAME}). */
    String name();

    /** Name of the partition key attribute (type S). */
    String partitionKey();

    /** Name of the sort key attribute (type S); empty for a table without one. */
    String sortKey() default "";
}
