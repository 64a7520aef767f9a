using System.Diagnostics;
using Akka.Actor;
using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Specs.Support.MultiNode;

/// <summary>
/// A client of the billing-account shard region, as the HTTP layer is one: each write carries an idempotency key and,
/// when no answer comes in time (the entity's shard is moving, its node died), is sent again with the same key
/// until it is acknowledged or the deadline passes. A repeat of a key answers the first order, never a second one.
/// </summary>
public sealed class BillingAccountsClient(IActorRef region)
{
    public const string Currency = "USD";
    public const long TitlePriceMinor = 499;
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(3);

    /// <summary>An acknowledged order (<see cref="Placed"/>), or the last failure when the deadline passed.</summary>
    public sealed record Outcome(string Key, OrderPlaced? Placed, int Attempts, string? Failure);

    /// <summary>Opens the accounts, a few at a time (they spread over the shards, so over the nodes).</summary>
    public async Task OpenAsync(IEnumerable<string> accountIds, TimeSpan deadline)
    {
        using var limit = new SemaphoreSlim(8);
        await Task.WhenAll(accountIds.Select(async id =>
        {
            await limit.WaitAsync();
            try { Assert.IsType<BillingAccountView>(await WithRetriesAsync(new OpenBillingAccount(id, id, Currency), deadline)); }
            finally { limit.Release(); }
        }));
    }

    /// <summary>Buys a title under <paramref name="key"/>; retried with the same key until acknowledged or past the deadline.</summary>
    public async Task<Outcome> PurchaseAsync(string accountId, string titleId, string key, TimeSpan deadline)
    {
        var command = new PurchaseTitle(accountId, titleId, TitlePriceMinor, Currency, key);
        var attempts = 0;
        string? failure = null;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < deadline)
        {
            attempts++;
            switch (await AttemptAsync(command))
            {
                case OrderPlaced placed:
                    return new Outcome(key, placed, attempts, null);
                case Rejection { Kind: not RejectionKind.Unavailable } rejection:
                    return new Outcome(key, null, attempts, $"{rejection.Kind}: {rejection.Message}"); // retrying cannot help
                case var other:
                    failure = other?.ToString() ?? "no answer";
                    break;
            }
        }
        return new Outcome(key, null, attempts, failure);
    }

    /// <summary>A purchase the spec's set-up depends on: anything but an acknowledgement fails the spec.</summary>
    public async Task<OrderPlaced> PurchaseOrThrowAsync(string accountId, string titleId, string key, TimeSpan deadline)
    {
        var outcome = await PurchaseAsync(accountId, titleId, key, deadline);
        return outcome.Placed ?? throw new InvalidOperationException($"order {key} on {accountId} not placed after {outcome.Attempts} attempt(s): {outcome.Failure}");
    }

    public async Task<InvoiceList> InvoicesAsync(string accountId, TimeSpan deadline) =>
        Assert.IsType<InvoiceList>(await WithRetriesAsync(new ListInvoices(accountId), deadline));

    public async Task<BillingAccountView> AccountAsync(string accountId, TimeSpan deadline) =>
        Assert.IsType<BillingAccountView>(await WithRetriesAsync(new GetBillingAccount(accountId), deadline));

    /// <summary>Reads are retried on silence only (a moving or restarting entity); any answer is returned.</summary>
    private async Task<object> WithRetriesAsync(IBillingAccountCommand command, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var answer = await AttemptAsync(command);
            if (answer is not null) return answer;
            if (clock.Elapsed >= deadline) throw new TimeoutException($"no answer to {command} within {deadline.TotalSeconds:0} s");
        }
    }

    /// <summary>One attempt: the answer, or null when none came in time.</summary>
    private async Task<object?> AttemptAsync(IBillingAccountCommand command)
    {
        try
        {
            return await region.Ask<object>(command, AttemptTimeout);
        }
        catch (AskTimeoutException)
        {
            return null;
        }
    }
}
