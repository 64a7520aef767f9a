using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Api.Titles;

/// <summary>--blob-dir / NODE_BLOB_DIR: where uploads and renditions are stored.</summary>
public sealed class TitleStorageOptionsSpecs
{
    [Fact]
    public void The_blob_directory_must_default_to_blobs_in_the_data_directory()
    {
        var options = TestOptions.Parse(["--data-dir", "/tmp/node-a"]);
        Assert.Equal(Path.GetFullPath("/tmp/node-a/blobs"), options.BlobDirectory);
    }

    [Fact]
    public void The_flag_must_win_over_the_environment_variable()
    {
        Assert.Equal(Path.GetFullPath("/srv/shared-blobs"), TestOptions.Parse([], new() { ["NODE_BLOB_DIR"] = "/srv/shared-blobs" }).BlobDirectory);
        Assert.Equal(Path.GetFullPath("/srv/flag"),
            TestOptions.Parse(["--blob-dir", "/srv/flag"], new() { ["NODE_BLOB_DIR"] = "/srv/env" }).BlobDirectory);
    }

    [Fact]
    public void Help_must_list_the_flag_and_its_variable()
    {
        var help = NodeOptionsParser.HelpText();
        Assert.Contains("--blob-dir", help);
        Assert.Contains("NODE_BLOB_DIR", help);
    }

    [Fact]
    public async Task A_blob_directory_that_is_a_file_must_fail_the_start_up_checks_with_one_line()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "not-a-dir");
        await File.WriteAllTextAsync(file, "x");
        var options = TestOptions.LocalNode(Path.Combine(dir.Path, "data"), "--blob-dir", Path.Combine(file, "blobs"));
        var error = await Assert.ThrowsAsync<OptionsException>(() => StartupChecks.RunAsync(options, TimeSpan.FromSeconds(5)));
        Assert.Contains("blob directory (--blob-dir)", error.Message);
    }
}
