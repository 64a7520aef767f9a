using System.Text.Json;

namespace MediaPlatform.Specs.Chaos;

/// <summary>An account's invoices and payments as every node returned them (the same bodies from each).</summary>
public sealed record AccountSnapshot(ChaosAccount Account, IReadOnlyList<StoredInvoice> Invoices, IReadOnlyList<StoredPayment> Payments)
{
    public static AccountSnapshot Parse(ChaosAccount account, string invoicesBody, string paymentsBody)
    {
        var invoices = JsonDocument.Parse(invoicesBody).RootElement.GetProperty("invoices").EnumerateArray()
            .Select(i => new StoredInvoice(Text(i, "invoiceId"), Text(i, "reference"), Text(i, "status"))).ToArray();
        var payments = JsonDocument.Parse(paymentsBody).RootElement.GetProperty("payments").EnumerateArray()
            .Select(p => new StoredPayment(Text(p, "key"), Text(p, "invoiceId"), Text(p, "status"),
                p.GetProperty("chargeId").ValueKind == JsonValueKind.String ? Text(p, "chargeId") : null)).ToArray();
        return new AccountSnapshot(account, invoices, payments);
    }

    private static string Text(JsonElement e, string name) => e.GetProperty(name).GetString() ?? "";
}

public sealed record StoredInvoice(string InvoiceId, string Reference, string Status);

public sealed record StoredPayment(string Key, string InvoiceId, string Status, string? ChargeId);
