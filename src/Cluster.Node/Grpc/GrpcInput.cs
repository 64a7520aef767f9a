using Grpc.Core;
using MediaPlatform.Node.Api;
using MediaPlatform.Node.Grpc.V1;

namespace MediaPlatform.Node.Grpc;

/// <summary>
/// Checks of a gRPC request, the gRPC way: a request that is wrong as a whole fails with INVALID_ARGUMENT naming what
/// and where (the same id rule as the HTTP API); batches are bounded so one call cannot hold a node's asks for long.
/// </summary>
public static class GrpcInput
{
    /// <summary>Most items one batch call may carry.</summary>
    public const int MaxBatch = 500;

    public static void Id(string field, string value, int? index = null)
    {
        if (!ApiInput.IsId(value))
            throw Invalid($"{field}{At(index)} '{ApiInput.Truncate(value)}' is not a valid id (1 to {ApiInput.MaxIdLength} ASCII letters, digits, '-' or '_')");
    }

    public static void Batch(string field, int count)
    {
        if (count == 0) throw Invalid($"{field} is empty: ask for at least one");
        if (count > MaxBatch) throw Invalid($"{field} has {count} items; at most {MaxBatch} per call");
    }

    public static ItemError Error(StatusCode code, string message) => new() { Code = (int)code, Message = message };

    /// <summary>A single-item call answers an item error as the call's own status.</summary>
    public static RpcException Failure(ItemError error) => new(new Status((StatusCode)error.Code, error.Message));

    public static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));

    private static string At(int? index) => index is { } i ? $"[{i}]" : "";
}
