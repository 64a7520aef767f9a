namespace MediaPlatform.Ctl;

/// <summary>Exit codes scripts can rely on.</summary>
public static class CtlExitCodes
{
    public const int Ok = 0;
    /// <summary>The node answered with an error (4xx other than auth, or 5xx).</summary>
    public const int NodeError = 1;
    /// <summary>Unknown command or bad arguments.</summary>
    public const int Usage = 2;
    /// <summary>No answer from the node (refused, timed out, name not resolved).</summary>
    public const int Unreachable = 3;
    /// <summary>The node refused the token (401) or the operation (403).</summary>
    public const int AuthRefused = 4;
}
