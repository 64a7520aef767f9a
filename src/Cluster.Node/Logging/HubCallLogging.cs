using Microsoft.AspNetCore.SignalR;

namespace MediaPlatform.Node.Logging;

/// <summary>
/// Logs what a hub call threw by what it means. A <see cref="HubException"/> is a refusal the client caused (bad input,
/// not allowed, too many): Information, like a 4xx. Anything else is a bug: Error. SignalR's own dispatcher would log
/// both at Error ("Failed invoking hub method"), so its category is silenced (<see cref="DispatcherCategory"/>) and
/// this filter speaks for it; the exception still goes back to SignalR, so the client gets the refusal's message.
/// </summary>
public sealed partial class HubCallLogging(ILogger<HubCallLogging> logger) : IHubFilter
{
    /// <summary>The category whose only Error is a failed invocation, logged here instead.</summary>
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocation);
        }
        catch (HubException refused)
        {
            Refused(invocation.Hub.GetType().Name, invocation.HubMethodName, invocation.Context.UserIdentifier, refused.Message);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException || !invocation.Context.ConnectionAborted.IsCancellationRequested)
        {
            Failed(invocation.Hub.GetType().Name, invocation.HubMethodName, e);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Hub}.{Method} refused for user {UserId}: {Reason}")]
    private partial void Refused(string hub, string method, string? userId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Hub}.{Method} failed")]
    private partial void Failed(string hub, string method, Exception exception);
}
