using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Tests.Entities;

/// <summary>What readiness reads: failing after a persist failure until a success or the window passes; a refused second writer is not a failure.</summary>
public sealed class JournalWriteHealthSpecs
{
    [Fact]
    public void A_persist_failure_counts_until_a_write_succeeds()
    {
        var health = new JournalWriteHealth(TimeSpan.FromMinutes(1));
        Assert.Null(health.FailingFor());

        health.Failed(new InvalidOperationException("database is locked"));
        Assert.NotNull(health.FailingFor());
        Assert.Equal(1, health.Failures);

        health.Succeeded();
        Assert.Null(health.FailingFor());
    }

    [Fact]
    public async Task A_persist_failure_is_forgotten_after_the_window()
    {
        var health = new JournalWriteHealth(TimeSpan.FromMilliseconds(200));
        health.Failed(new TimeoutException("no answer"));
        Assert.NotNull(health.FailingFor());
        await Eventually.AwaitAsync(() => health.FailingFor() is null, TimeSpan.FromSeconds(5), "the failure to age out of the window");
    }

    [Fact]
    public void A_duplicate_sequence_number_is_a_refused_second_writer_not_a_failing_journal()
    {
        var health = new JournalWriteHealth(TimeSpan.FromMinutes(1));
        health.Failed(new AggregateException(new InvalidOperationException("write failed",
            new Exception("SQLite Error 19: 'UNIQUE constraint failed: journal.persistence_id, journal.sequence_number'."))));
        Assert.Null(health.FailingFor());
        Assert.Equal(0, health.Failures);
    }
}
