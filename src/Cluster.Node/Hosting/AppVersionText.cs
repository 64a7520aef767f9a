using System.Reflection;

namespace MediaPlatform.Node.Hosting;

/// <summary>The node's version as reported to the cluster (members show it) and in the logs.</summary>
public static class AppVersionText
{
    public static string Current { get; } =
        typeof(AppVersionText).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(AppVersionText).Assembly.GetName().Version?.ToString(3)
        ?? "0.0.0";
}
