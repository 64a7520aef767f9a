using System.Globalization;
using MediaPlatform.Testing.Media;
using MediaPlatform.Testing.Processes;

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

    [Fact]
    public void A_node_process_pinned_to_a_core_runs_under_taskset_and_inherits_no_node_variables()
    {
        Environment.SetEnvironmentVariable("NODE_SUPPORT_SPEC_PROBE", "would change what the spec starts");
        try
        {
            var pinned = NodeBinary.StartInfo(["--http-port", "1"], Path.GetTempPath(), core: 1);
            Assert.Equal("taskset", pinned.FileName);
            Assert.Equal(["-c", "1", NodeBinary.DotnetHost(), NodeBinary.DllPath, "--http-port", "1"], pinned.ArgumentList);
            Assert.DoesNotContain("NODE_SUPPORT_SPEC_PROBE", pinned.Environment.Keys);

            var anyCore = NodeBinary.StartInfo(["--http-port", "1"], Path.GetTempPath());
            Assert.Equal(NodeBinary.DotnetHost(), anyCore.FileName);
            Assert.Equal([NodeBinary.DllPath, "--http-port", "1"], anyCore.ArgumentList);
        }
        finally
        {
            Environment.SetEnvironmentVariable("NODE_SUPPORT_SPEC_PROBE", null);
        }
    }

    [Fact]
    public async Task A_node_process_cluster_refuses_a_core_list_that_does_not_name_one_core_per_node()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => NodeProcessCluster.StartAsync(2, new(Cores: [0])));
        Assert.StartsWith("1 cores given for 2 nodes", error.Message);
    }
}
