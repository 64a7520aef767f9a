namespace MediaPlatform.Specs.Chaos;

/// <summary>
/// Holds what the clients were told against what the nodes read back. An acknowledged order must have exactly one
/// invoice for its title (the one it was told); an acknowledged payment exactly one attempt under its key, succeeded
/// with the charge it was told, on an invoice now paid. Unacknowledged commands may or may not have taken effect, but
/// never twice. Nothing may exist that no client asked for.
/// </summary>
public sealed class ExactlyOnceAudit
{
    private readonly List<string> _findings = [];

    public int AckedOrders { get; private set; }
    public int AckedPayments { get; private set; }
    public int Lost { get; private set; }
    public int Duplicated { get; private set; }
    public int Unrequested { get; private set; }

    /// <summary>Commands the client gave up on (or that were refused) whose effect is nevertheless stored.</summary>
    public int UnackedButApplied { get; private set; }

    public IReadOnlyList<string> Findings => _findings;

    public static ExactlyOnceAudit Check(IReadOnlyList<CommandRecord> commands, IReadOnlyList<AccountSnapshot> snapshots)
    {
        var audit = new ExactlyOnceAudit();
        foreach (var snapshot in snapshots)
            audit.CheckAccount(commands.Where(c => c.Account == snapshot.Account).ToArray(), snapshot);
        return audit;
    }

    private void CheckAccount(IReadOnlyList<CommandRecord> commands, AccountSnapshot stored)
    {
        var orders = commands.Where(c => c.Kind == CommandKind.TitleOrder).ToArray();
        var payments = commands.Where(c => c.Kind == CommandKind.InvoicePayment).ToArray();
        foreach (var order in orders) CheckOrder(order, stored);
        foreach (var payment in payments) CheckPayment(payment, stored);

        var titles = orders.Select(o => o.TitleId).ToHashSet();
        foreach (var invoice in stored.Invoices.Where(i => !titles.Contains(i.Reference)))
            Find(() => Unrequested++, $"{stored.Account.UserId}: invoice {invoice.InvoiceId} for {invoice.Reference}, which no client ordered");
        var keys = payments.Select(p => p.Key).ToHashSet();
        foreach (var payment in stored.Payments.Where(p => !keys.Contains(p.Key)))
            Find(() => Unrequested++, $"{stored.Account.UserId}: payment {payment.Key}, which no client sent");
        foreach (var charged in stored.Payments.Where(p => p.Status == "Succeeded").GroupBy(p => p.InvoiceId).Where(g => g.Count() > 1))
            Find(() => Duplicated++, $"{stored.Account.UserId}: invoice {charged.Key} charged {charged.Count()} times");
    }

    private void CheckOrder(CommandRecord order, AccountSnapshot stored)
    {
        var invoices = stored.Invoices.Where(i => i.Reference == order.TitleId).ToArray();
        if (invoices.Length > 1)
            Find(() => Duplicated++, $"{order.Key}: {invoices.Length} invoices for {order.TitleId}");
        if (order.Outcome != CommandOutcome.Acked)
        {
            if (invoices.Length == 1) UnackedButApplied++;
            return;
        }
        AckedOrders++;
        if (invoices.Length == 0)
            Find(() => Lost++, $"{order.Key}: acknowledged invoice {order.InvoiceId} for {order.TitleId} is not stored");
        else if (invoices.All(i => i.InvoiceId != order.InvoiceId))
            Find(() => Lost++, $"{order.Key}: acknowledged invoice {order.InvoiceId}, stored {invoices[0].InvoiceId} instead");
    }

    private void CheckPayment(CommandRecord payment, AccountSnapshot stored)
    {
        var attempts = stored.Payments.Where(p => p.Key == payment.Key).ToArray();
        if (attempts.Length > 1)
            Find(() => Duplicated++, $"{payment.Key}: {attempts.Length} payment attempts under one key");
        if (payment.Outcome != CommandOutcome.Acked)
        {
            if (attempts.Any(a => a.Status == "Succeeded")) UnackedButApplied++;
            return;
        }
        AckedPayments++;
        var invoice = stored.Invoices.SingleOrDefault(i => i.InvoiceId == payment.InvoiceId);
        if (attempts is not [{ Status: "Succeeded" } attempt] || attempt.ChargeId != payment.ChargeId)
            Find(() => Lost++, $"{payment.Key}: acknowledged charge {payment.ChargeId} on {payment.InvoiceId}, stored " +
                               $"[{string.Join(", ", attempts.Select(a => $"{a.Status} {a.ChargeId}"))}]");
        else if (invoice?.Status != "Paid")
            Find(() => Lost++, $"{payment.Key}: acknowledged payment, but invoice {payment.InvoiceId} is {invoice?.Status ?? "missing"}");
    }

    private void Find(Action count, string finding)
    {
        count();
        _findings.Add(finding);
    }
}
