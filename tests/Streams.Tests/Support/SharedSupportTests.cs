using System.Globalization;
using MediaPlatform.Testing.Media;

namespace MediaPlatform.Streams.Tests.Support;

/// <summary>The shared test support library's own promises, which every test and bench project leans on.</summary>
public sealed class SharedSupportTests
{
    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_two_middle_values()
    {
        Assert.Equal(2.5, Statistics.Median([4, 1, 3, 2]));
        Assert.Equal(3, Statistics.Median([5, 1, 3]));
        Assert.Equal(TimeSpan.FromSeconds(1.5), Statistics.Median([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)]));
    }

    [Fact]
    public void Free_ports_are_never_handed_out_twice_in_a_process()
    {
        var ports = Enumerable.Range(0, 200).Select(_ => FreePorts.Next()).ToList();
        Assert.Equal(ports.Count, ports.Distinct().Count());
    }

    [Fact]
    public void Bench_arguments_refuse_unknown_flags_and_out_of_range_numbers()
    {
        var runs = 1;
        var keep = false;
        BenchArguments Parser() => new BenchArguments("usage").Int("--runs", v => runs = v).Switch("--keep", () => keep = true);

        Parser().Parse(["--runs", "3", "--keep"]);
        Assert.Equal((3, true), (runs, keep));
        Assert.Contains("unknown argument '--run'", Assert.Throws<ArgumentException>(() => Parser().Parse(["--run", "3"])).Message);
        Assert.Contains("--runs needs", Assert.Throws<ArgumentException>(() => Parser().Parse(["--runs", "0"])).Message);
        Assert.Contains("--runs needs", Assert.Throws<ArgumentException>(() => Parser().Parse(["--runs"])).Message);
    }

    [Fact]
    public void Clip_arguments_write_numbers_as_ffmpeg_reads_them_whatever_the_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var args = string.Join(' ', ClipArguments.TestPicture(2.5, gopSeconds: 1.5));
            Assert.Contains("duration=2.5", args);
            Assert.Contains("n_forced*1.5", args);
            Assert.DoesNotContain("2,5", args);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public async Task Eventually_ends_at_once_when_told_to_stop_waiting()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAsync<StopWaitingException>(() =>
            Eventually.AwaitAssertAsync(() => throw new StopWaitingException("the node is gone"), TimeSpan.FromSeconds(30)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        await Assert.ThrowsAsync<TimeoutException>(() => Eventually.AwaitAsync(() => false, TimeSpan.FromMilliseconds(300), "never"));
    }
}
