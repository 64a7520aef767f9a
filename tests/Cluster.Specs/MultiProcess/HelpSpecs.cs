using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Specs.MultiProcess;

[Collection(MultiProcessCollection.Name)]
public sealed class HelpSpecs
{
    [Fact]
    public async Task Help_lists_every_flag_with_its_environment_variable()
    {
        using var dir = new TempDirectory("help");

        var run = await NodeBinary.RunToExitAsync(["--help"], dir.Path, TimeSpan.FromSeconds(60));

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.StandardError);
        // Flag and variable on the same line, as whole words ("--config" must not be found inside "--config-dir").
        var rows = run.StandardOutput.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        Assert.All(NodeOptionSpecs.All, spec =>
            Assert.Contains(rows, words => words.Contains(spec.Flag) && words.Contains(spec.EnvVar == "" ? "-" : spec.EnvVar)));
    }
}
