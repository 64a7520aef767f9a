using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Node.Tests.Api.Billing;
using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Api.Scheduling;

/// <summary>The scheduler's HTTP routes on a real node: listing, the admin-only controls, and their error shapes.</summary>
public sealed class SchedulerApiSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private HttpClient Anonymous => fixture.Node.Http;
    private HttpClient Admin => fixture.Node.ClientWithToken(TestNode.AdminToken);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task Jobs_must_list_every_job_with_its_schedule_and_next_run()
    {
        var jobs = (await JsonAsync(await Admin.GetAsync("/scheduler/jobs"), HttpStatusCode.OK)).GetProperty("jobs").EnumerateArray().ToList();

        Assert.Equal(["billing-cycle", "coupon-expiry", "email-hold-sweep", "scratch-retention", "transcode-reaper"], jobs.Select(j => j.GetProperty("name").GetString()));
        var billing = jobs[0];
        Assert.Equal("daily at 00:00 UTC", billing.GetProperty("schedule").GetString());
        Assert.False(string.IsNullOrEmpty(billing.GetProperty("description").GetString()));
        Assert.True(billing.TryGetProperty("nextRunAt", out _));
    }

    [Fact]
    public async Task An_unknown_job_must_be_404_naming_the_jobs()
    {
        var problem = await JsonAsync(await Admin.GetAsync("/scheduler/jobs/no-such-job"), HttpStatusCode.NotFound);

        Assert.Contains("billing-cycle", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("trigger")]
    [InlineData("pause")]
    [InlineData("resume")]
    public async Task Controls_must_need_the_admin_token(string action)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.PostAsync($"/scheduler/jobs/coupon-expiry/{action}", null)).StatusCode);
        using var wrongToken = fixture.Node.ClientWithToken("not-the-admin-token-at-all");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongToken.PostAsync($"/scheduler/jobs/coupon-expiry/{action}", null)).StatusCode);
    }

    [Fact]
    public async Task A_triggered_job_must_run_once_over_what_the_journal_holds_and_show_in_its_history()
    {
        using var admin = Admin;
        var created = await admin.PostAsJsonAsync("/api/coupons", BillingJson.Coupon($"SCHED{Guid.NewGuid():N}"[..16].ToUpperInvariant(), 10, 5));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var accepted = await JsonAsync(await admin.PostAsync("/scheduler/jobs/coupon-expiry/trigger", null), HttpStatusCode.Accepted);
        var runKey = accepted.GetProperty("runKey").GetString()!;
        Assert.StartsWith("coupon-expiry@manual-", runKey);

        JsonElement run = default;
        await Eventually.AwaitAsync(async () =>
        {
            var job = await JsonAsync(await Admin.GetAsync("/scheduler/jobs/coupon-expiry"), HttpStatusCode.OK);
            run = job.GetProperty("history").EnumerateArray().FirstOrDefault(r => r.GetProperty("runKey").GetString() == runKey);
            return run.ValueKind == JsonValueKind.Object;
        }, Deadline);
        Assert.Equal("completed", run.GetProperty("outcome").GetString());
        Assert.True(run.GetProperty("total").GetInt32() >= 1);
        Assert.Equal(run.GetProperty("total").GetInt32(), run.GetProperty("processed").GetInt32());
        Assert.True(run.GetProperty("counters").GetProperty("active").GetInt32() >= 1);
    }

    [Fact]
    public async Task A_paused_job_must_refuse_a_trigger_with_409_until_resumed()
    {
        using var admin = Admin;
        var paused = await JsonAsync(await admin.PostAsync("/scheduler/jobs/email-hold-sweep/pause", null), HttpStatusCode.OK);
        Assert.True(paused.GetProperty("paused").GetBoolean());
        Assert.Equal(JsonValueKind.Null, paused.GetProperty("nextRunAt").ValueKind);

        var refused = await JsonAsync(await admin.PostAsync("/scheduler/jobs/email-hold-sweep/trigger", null), HttpStatusCode.Conflict);
        Assert.Contains("paused", refused.GetProperty("detail").GetString());

        var resumed = await JsonAsync(await admin.PostAsync("/scheduler/jobs/email-hold-sweep/resume", null), HttpStatusCode.OK);
        Assert.False(resumed.GetProperty("paused").GetBoolean());
    }
}
