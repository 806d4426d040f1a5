package software.amazon.lambda.durable.plugin;

/** Holds the plugins a configuration was given. Internal: no behaviour of its own in this implementation. */
public interface PluginRunner {
}
