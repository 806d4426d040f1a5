package software.amazon.lambda.durable.plugin;

/** Marker for execution plugins. Plugins are accepted by the configuration but have no effect locally. */
public interface DurableExecutionPlugin {
}
