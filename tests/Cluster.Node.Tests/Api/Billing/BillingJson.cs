using System.Net.Http.Json;
using System.Text.Json;

namespace MediaPlatform.Node.Tests.Api.Billing;

/// <summary>Readers and builders the billing API specs share: JSON fields, coupon bodies, prices.</summary>
internal static class BillingJson
{
    internal const long Standard = 1549, Premium = 2299, TitlePrice = 399;

    internal static string IdOf(JsonElement invoice) => Text(invoice, "invoiceId")!;

    internal static string? Text(JsonElement json, string property) => json.GetProperty(property).GetString();

    internal static long Minor(JsonElement json, string property) => json.GetProperty(property).GetInt64();

    internal static Task<HttpResponseMessage> CreateCouponAsync(HttpClient admin, object coupon) => admin.PostAsJsonAsync("/api/coupons", coupon);

    internal static int WholeDays(TimeSpan span) => span <= TimeSpan.Zero ? 0 : (int)(span.Ticks / TimeSpan.TicksPerDay);

    internal static string NewCouponCode() => $"SAVE-{Guid.NewGuid():N}"[..17].ToUpperInvariant();

    internal static object Coupon(string code, int percentOff, int maxRedemptions, string kind = "Percent", long amountOffMinor = 0,
        DateTimeOffset? expiresAt = null) =>
        new { code, kind, percentOff, amountOffMinor, currency = kind == "FixedAmount" ? "USD" : null, expiresAt = expiresAt ?? Expiry, maxRedemptions };

    /// <summary>One expiry for every coupon, so a repeated definition is the same definition.</summary>
    internal static readonly DateTimeOffset Expiry = DateTimeOffset.UtcNow.AddDays(30);
}
