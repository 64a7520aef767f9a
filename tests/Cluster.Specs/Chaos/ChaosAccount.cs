namespace MediaPlatform.Specs.Chaos;

/// <summary>A signed-up user with an approving card; its billing account has the user's id.</summary>
public sealed record ChaosAccount(string UserId, string Token)
{
    public const string ApprovingCard = "4242424242424242";

    public string Orders => $"/api/users/{UserId}/billing/orders";
    public string Invoices => $"/api/users/{UserId}/billing/invoices";
    public string Payments => $"/api/users/{UserId}/billing/payments";
    public string PaymentsOf(string invoiceId) => $"/api/users/{UserId}/billing/invoices/{invoiceId}/payments";
}
