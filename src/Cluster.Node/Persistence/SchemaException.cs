namespace MediaPlatform.Node.Persistence;

/// <summary>The journal's schema could not be created (database refused, timed out or the plugin failed).</summary>
public sealed class SchemaException(string message, Exception? inner) : Exception(message, inner);
