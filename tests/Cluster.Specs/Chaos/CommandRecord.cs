namespace MediaPlatform.Specs.Chaos;

public enum CommandKind { TitleOrder, InvoicePayment }

/// <summary>How a command ended for the client that sent it.</summary>
public enum CommandOutcome
{
    /// <summary>A 2xx: the platform promised the command took effect.</summary>
    Acked,

    /// <summary>A 4xx: the platform refused it; the client reports the error.</summary>
    Refused,

    /// <summary>Only failures (no answer, time-outs, 5xx) until the client's deadline: reported as failed, outcome unknown.</summary>
    GaveUp,
}

/// <summary>One command of the load, with its Idempotency-Key and what the client saw.</summary>
public sealed record CommandRecord(
    CommandKind Kind,
    string Key,
    ChaosAccount Account,
    string TitleId,
    string? InvoiceId,
    CommandOutcome Outcome,
    int Attempts,
    int ServerErrors,
    string? Error,
    TimeSpan AnsweredAt,
    string? ChargeId = null);
