namespace MediaPlatform.Actors.Billing.Plans;

/// <summary>
/// The plans on offer. Static on purpose: a price change is a code change that ships with the invoices it affects,
/// and every node agrees on prices without a lookup. Past invoices keep the amounts they were issued with.
/// </summary>
public static class PlanCatalog
{
    public const string Currency = "USD";

    public static readonly BillingPlan Basic = new("basic", "Basic", 799, Currency, 1);
    public static readonly BillingPlan Standard = new("standard", "Standard", 1549, Currency, 2);
    public static readonly BillingPlan Premium = new("premium", "Premium", 2299, Currency, 4);

    public static readonly IReadOnlyList<BillingPlan> All = [Basic, Standard, Premium];

    /// <summary>Currencies accounts may be opened in: those the plans are priced in.</summary>
    public static readonly IReadOnlyList<string> Currencies = [Currency];

    public static BillingPlan? Find(string? planId) => All.FirstOrDefault(p => p.PlanId == planId);
}
