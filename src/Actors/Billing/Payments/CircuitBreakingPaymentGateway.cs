using Akka.Actor;
using Akka.Pattern;

namespace MediaPlatform.Actors.Billing.Payments;

/// <summary>
/// The gateway port behind an Akka <see cref="CircuitBreaker"/>, one per node: when the gateway has not answered
/// <see cref="GatewayBreakerSettings.MaxFailures"/> times in a row, callers get a time-out at once (with how long to
/// wait) instead of each waiting the full gateway time-out. Declines are answers, so they never count as failures.
/// Refusing is safe for money: a refused call never reached the gateway, and the attempt stays retryable by its key.
/// </summary>
public sealed class CircuitBreakingPaymentGateway : IPaymentGateway
{
    private readonly IPaymentGateway _inner;
    private readonly CircuitBreaker _breaker;
    private readonly TimeSpan _resetTimeout;
    private long _openedAt;

    /// <param name="callTimeout">The inner gateway's own time-out; the breaker allows a little more before counting a failure itself.</param>
    public CircuitBreakingPaymentGateway(IPaymentGateway inner, IScheduler scheduler, GatewayBreakerSettings settings, TimeSpan callTimeout)
    {
        _inner = inner;
        _resetTimeout = settings.ResetTimeout;
        _breaker = new CircuitBreaker(scheduler, settings.MaxFailures, callTimeout + TimeSpan.FromSeconds(1), settings.ResetTimeout)
            .OnOpen(() =>
            {
                Interlocked.Exchange(ref _openedAt, Environment.TickCount64);
                Observability.BillingMetrics.GatewayCircuitOpened();
            });
    }

    /// <summary>Open, half-open or closed, for logs and tests.</summary>
    public string State => _breaker.IsOpen ? "open" : _breaker.IsHalfOpen ? "half-open" : "closed";

    public TimeSpan? RefusingFor
    {
        get
        {
            if (!_breaker.IsOpen) return null;
            var left = _resetTimeout - TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _openedAt));
            return left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1);
        }
    }

    public Task<GatewayOutcome> Charge(string idempotencyKey, string cardToken, string cardLast4, long amountMinor, string currency) =>
        Guarded(() => _inner.Charge(idempotencyKey, cardToken, cardLast4, amountMinor, currency));

    public Task<GatewayOutcome> Void(string idempotencyKey) => Guarded(() => _inner.Void(idempotencyKey));

    private async Task<GatewayOutcome> Guarded(Func<Task<GatewayOutcome>> call)
    {
        try
        {
            return await _breaker.WithCircuitBreaker(async _ =>
            {
                var outcome = await call().ConfigureAwait(false);
                // A time-out is the gateway's silence: it must count against the circuit, so it is thrown here...
                return outcome is GatewayOutcome.TimedOut silent ? throw new GatewaySilentException(silent) : outcome;
            }).ConfigureAwait(false);
        }
        catch (GatewaySilentException silent)
        {
            return silent.Outcome; // ...and answered as the time-out it was.
        }
        catch (OpenCircuitException open)
        {
            Observability.BillingMetrics.RefusedWhileOpen();
            // Half-open (one trial call in flight) reports no remaining time: the trial decides within a call time-out.
            var wait = open.RemainingDuration > TimeSpan.Zero ? open.RemainingDuration : TimeSpan.FromSeconds(1);
            return new GatewayOutcome.TimedOut(
                $"the payment gateway is not answering (its last calls timed out), so no call was made; try again in {Math.Ceiling(wait.TotalSeconds):0} s")
            {
                RetryAfter = wait,
            };
        }
    }

    private sealed class GatewaySilentException(GatewayOutcome.TimedOut outcome) : Exception(outcome.Detail)
    {
        public GatewayOutcome.TimedOut Outcome { get; } = outcome;
    }
}
