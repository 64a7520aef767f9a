using System.Globalization;
using System.Net;
using System.Text.Json;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Projections;
using MediaPlatform.Node.Tests.Api.Billing;
using MediaPlatform.Node.Tests.Projections;
using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Api.Reports;

/// <summary>
/// GET /api/reports/billing on a node whose clock the spec moves, on SQLite and on PostgreSQL with the same answers:
/// real billing through the API (subscriptions paid with the test gateway, a downgrade's credit, renewals a month on,
/// declining cards into dunning: one recovered, one suspended), the report's numbers checked against the accounts' own
/// payment histories, and a rebuild of the projection giving exactly the same report (a double count would not).
/// </summary>
public sealed class BillingReportApiSpecs
{
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // One retry a day after a declined renewal, then suspension; quick polling so the projection catches up fast.
    private const string Hocon = """
        media-platform.billing.dunning.retry-after = [1d]
        media-platform.scheduler.tick-interval = 200ms
        akka.persistence.query.journal.sql.refresh-interval = 200ms
        akka.persistence.query.journal.sql.journal-sequence-retrieval.query-delay = 200ms
        """;

    [Theory]
    [InlineData(ReadModelDialect.Sqlite)]
    [InlineData(ReadModelDialect.Postgres)]
    public async Task The_report_counts_revenue_credit_payment_outcomes_and_the_dunning_funnel_once_and_a_rebuild_gives_the_same(ReadModelDialect dialect)
    {
        await using var db = await ReadModelTestDatabase.CreateAsync(dialect);
        var clock = new ManualClock(Start);
        await using var node = await db.StartNodeAsync(clock, Hocon);
        using var admin = node.ClientWithToken(TestNode.AdminToken);

        // 10 March: four subscriptions paid at once; one downgraded the same day (credit for the unused premium time).
        using var steady = await BillingApiClient.SignUpAsync(node);
        using var lapsing = await BillingApiClient.SignUpAsync(node);
        using var recovering = await BillingApiClient.SignUpAsync(node);
        using var downgrading = await BillingApiClient.SignUpAsync(node);
        await steady.SubscribedInvoiceAsync("standard");
        await lapsing.SubscribedInvoiceAsync("basic");
        await recovering.SubscribedInvoiceAsync("basic");
        await downgrading.SubscribedInvoiceAsync("premium");
        var downgrade = await BillingApiClient.JsonAsync(await downgrading.ChangePlanAsync("basic", BillingApiClient.NewKey()), HttpStatusCode.OK);
        var credit = -downgrade.GetProperty("invoice").GetProperty("totalMinor").GetInt64();
        Assert.True(credit > 0, $"a downgrade on its first day credits the unused time: {downgrade}");
        await lapsing.AddCardAsync(BillingApiClient.DecliningCard, makeDefault: true);
        await recovering.AddCardAsync(BillingApiClient.DecliningCard, makeDefault: true);

        // 11 April: renewals; the two declining cards enter dunning.
        clock.Set(new DateTimeOffset(2026, 4, 11, 6, 0, 0, TimeSpan.Zero));
        await RunBillingUntilAsync(admin, async () =>
            await HasPaymentAsync(lapsing, "-1", "Declined") && await HasPaymentAsync(recovering, "-1", "Declined")
            && await HasPaymentAsync(steady, "-1", "Succeeded"));
        await recovering.AddCardAsync("5555555555554444", makeDefault: true); // another approving card

        // 12 April: the retry; one pays (recovered), the other is declined again and suspended.
        clock.Set(new DateTimeOffset(2026, 4, 12, 7, 0, 0, TimeSpan.Zero));
        await RunBillingUntilAsync(admin, async () =>
            await HasPaymentAsync(recovering, "-2", "Succeeded")
            && (await lapsing.GetAsync(lapsing.Billing)).GetProperty("status").GetString() == "Suspended");

        var expectedDays = await ExpectedDaysAsync(steady, lapsing, recovering, downgrading);
        var spring = "/api/reports/billing?from=2026-03-01&to=2026-04-30";
        var report = default(JsonElement);
        await Eventually.AwaitAssertAsync(async () =>
        {
            report = await ReportAsync(admin, spring);
            Assert.Equal(expectedDays, Days(report));
            Assert.Equal((2L, 2L, 1L, 1L), Funnel(report));
        }, Patience);

        Assert.Contains(("2026-03-10", "standard", 1549L, 0L, 1L), Days(report));
        Assert.Contains(("2026-03-10", "basic", 2 * 799L, credit, 2L), Days(report));
        Assert.Contains(("2026-04-12", "basic", 799L, 0L, 1L), Days(report));
        Assert.Equal(3, Outcome(report, "declined")); // the lapsing card twice, the recovering one once
        Assert.Equal(expectedDays.Sum(d => d.Payments), Outcome(report, "succeeded"));
        var total = Assert.Single(report.GetProperty("totals").EnumerateArray());
        Assert.Equal(("USD", expectedDays.Sum(d => d.Revenue), credit), (total.GetProperty("currency").GetString(),
            total.GetProperty("revenueMinor").GetInt64(), total.GetProperty("creditsMinor").GetInt64()));

        // One day: only what happened on it, and no funnel (both entered the day before).
        var day = await ReportAsync(admin, "/api/reports/billing?from=2026-04-12&to=2026-04-12");
        Assert.Equal([("2026-04-12", "basic", 799L, 0L, 1L)], Days(day));
        Assert.Equal((1L, 1L), (Outcome(day, "succeeded"), Outcome(day, "declined")));
        Assert.Equal((0L, 0L, 0L, 0L), Funnel(day));

        // Rebuild from offset 0: once it has applied the whole tag again, the same report, not twice the numbers.
        var rebuiltAfter = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var rebuild = await admin.PostAsync("/cluster/projections/billing/rebuild", null);
        Assert.Equal(HttpStatusCode.Accepted, rebuild.StatusCode);
        await Eventually.AwaitAssertAsync(async () =>
        {
            var billing = (await ReportAsync(admin, "/cluster/projections")).GetProperty("projections").EnumerateArray()
                .Single(p => p.GetProperty("name").GetString() == "billing");
            Assert.True(billing.GetProperty("updatedAt").ValueKind == JsonValueKind.String
                && billing.GetProperty("updatedAt").GetDateTimeOffset() >= rebuiltAfter, $"waiting for the rebuild to store its offset: {billing}");
            Assert.Equal(0, billing.GetProperty("eventsBehind").GetInt64());
        }, Patience);
        var before = report.GetRawText();
        await Eventually.AwaitAsync(async () => (await ReportAsync(admin, spring)).GetRawText() == before, Patience,
            "the rebuilt billing projection to answer the same report");

        await AssertBadInputAsync(node, admin, steady.Http);
    }

    private static async Task AssertBadInputAsync(TestNode node, HttpClient admin, HttpClient user)
    {
        foreach (var query in new[]
                 {
                     "", "?from=2026-04-01", "?to=2026-04-01", "?from=2026-13-01&to=2026-12-01", "?from=01/04/2026&to=2026-04-02",
                     "?from=2026-04-12&to=2026-04-11", "?from=2026-01-01&to=2027-01-02", "?from=2026-04-01%27;DROP%20TABLE%20billing_daily;--&to=2026-04-02",
                 })
        {
            var response = await admin.GetAsync($"/api/reports/billing{query}");
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/reports/billing?from=2026-01-01&to=2027-01-01")).StatusCode); // 366 days
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/reports/billing?from=2026-04-01&to=2026-04-02")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await node.Http.GetAsync("/api/reports/billing?from=2026-04-01&to=2026-04-02")).StatusCode);
    }

    /// <summary>Triggers the billing cycle (a run already going answers 409: fine) until the accounts show the step done.</summary>
    private static async Task RunBillingUntilAsync(HttpClient admin, Func<Task<bool>> done)
    {
        var lastTrigger = DateTime.MinValue;
        await Eventually.AwaitAsync(async () =>
        {
            if (await done()) return true;
            if (DateTime.UtcNow - lastTrigger > TimeSpan.FromSeconds(3))
            {
                lastTrigger = DateTime.UtcNow;
                var triggered = await admin.PostAsync("/scheduler/jobs/billing-cycle/trigger", null);
                Assert.True(triggered.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.Conflict, $"trigger: {(int)triggered.StatusCode}");
            }
            return false;
        }, Patience, "the billing cycle to renew and collect", TimeSpan.FromMilliseconds(250));
    }

    /// <summary>Whether the account has an automatic renewal payment whose key ends with the attempt suffix, in the status.</summary>
    private static async Task<bool> HasPaymentAsync(BillingApiClient account, string attemptSuffix, string status) =>
        (await account.GetAsync($"{account.Billing}/payments")).GetProperty("payments").EnumerateArray().Any(p =>
            p.GetProperty("key").GetString()!.StartsWith("auto-", StringComparison.Ordinal)
            && p.GetProperty("key").GetString()!.EndsWith(attemptSuffix, StringComparison.Ordinal)
            && p.GetProperty("status").GetString() == status);

    /// <summary>The day × plan rows the accounts' own invoices and payment histories imply.</summary>
    private static async Task<List<(string Day, string Plan, long Revenue, long Credits, long Payments)>> ExpectedDaysAsync(params BillingApiClient[] accounts)
    {
        var rows = new List<(string Day, string Plan, long Revenue, long Credits, long Payments)>();
        foreach (var account in accounts)
        {
            var invoices = (await account.GetAsync($"{account.Billing}/invoices")).GetProperty("invoices").EnumerateArray()
                .ToDictionary(i => i.GetProperty("invoiceId").GetString()!);
            foreach (var p in (await account.GetAsync($"{account.Billing}/payments")).GetProperty("payments").EnumerateArray())
                if (p.GetProperty("status").GetString() == "Succeeded")
                    rows.Add((DayOf(p.GetProperty("finishedAt")), invoices[p.GetProperty("invoiceId").GetString()!].GetProperty("reference").GetString()!,
                        p.GetProperty("amountMinor").GetInt64(), 0, 1));
            foreach (var i in invoices.Values.Where(i => i.GetProperty("totalMinor").GetInt64() < 0))
                rows.Add((DayOf(i.GetProperty("issuedAt")), i.GetProperty("reference").GetString()!, 0, -i.GetProperty("totalMinor").GetInt64(), 0));
        }
        return rows.GroupBy(r => (r.Day, r.Plan)).Select(g => (g.Key.Day, g.Key.Plan, g.Sum(r => r.Revenue), g.Sum(r => r.Credits), g.Sum(r => r.Payments)))
            .OrderBy(r => r.Day, StringComparer.Ordinal).ThenBy(r => r.Plan, StringComparer.Ordinal).ToList();
    }

    private static string DayOf(JsonElement at) => at.GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<(string Day, string Plan, long Revenue, long Credits, long Payments)> Days(JsonElement report) =>
        report.GetProperty("days").EnumerateArray().Select(d => (d.GetProperty("day").GetString()!, d.GetProperty("planId").GetString()!,
            d.GetProperty("revenueMinor").GetInt64(), d.GetProperty("creditsMinor").GetInt64(), d.GetProperty("payments").GetInt64())).ToList();

    private static (long, long, long, long) Funnel(JsonElement report)
    {
        var d = report.GetProperty("dunning");
        return (d.GetProperty("entered").GetInt64(), d.GetProperty("retried").GetInt64(), d.GetProperty("recovered").GetInt64(),
            d.GetProperty("cancelled").GetInt64());
    }

    private static long Outcome(JsonElement report, string result) =>
        report.GetProperty("payments").EnumerateArray().Where(p => p.GetProperty("result").GetString() == result)
            .Select(p => p.GetProperty("attempts").GetInt64()).SingleOrDefault();

    private static async Task<JsonElement> ReportAsync(HttpClient admin, string path)
    {
        var response = await admin.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
