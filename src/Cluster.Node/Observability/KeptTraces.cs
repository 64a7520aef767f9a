using System.Diagnostics;

namespace MediaPlatform.Node.Observability;

/// <summary>
/// Requests that are traced whatever the sample ratio (<see cref="NodeTraceSampler"/>). A request's activity is
/// sampled when it is created, before routing, so a route that must always be traced marks its own activity recorded
/// before it does anything: every span it starts afterwards — entity asks on any node, the pipeline's steps — follows
/// it. The tags the ASP.NET Core instrumentation sets only on a recorded start are added here.
/// </summary>
public static class KeptTraces
{
    /// <summary>Keeps the current request's trace; without tracing (no activity) it does nothing.</summary>
    public static void Keep(HttpContext http)
    {
        if (Activity.Current is not { } activity || activity.Recorded) return;
        activity.ActivityTraceFlags |= ActivityTraceFlags.Recorded;
        activity.IsAllDataRequested = true;
        activity.SetTag("http.request.method", http.Request.Method);
        activity.SetTag("url.path", http.Request.Path.Value);
        activity.SetTag("url.scheme", http.Request.Scheme);
    }
}
