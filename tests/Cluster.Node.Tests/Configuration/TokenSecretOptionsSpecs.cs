using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Configuration;

/// <summary>
/// Token key and admin token: never a published default, by environment or file rather than argv, and retired keys
/// listed for rotation.
/// </summary>
public sealed class TokenSecretOptionsSpecs : IDisposable
{
    private static readonly string Key = new('k', 40);
    private readonly TempDirectory _dir = new();

    private string SecretFile(string name, string content)
    {
        var path = Path.Combine(_dir.Path, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static Dictionary<string, string?> Env(params (string Name, string Value)[] vars) => vars.ToDictionary(v => v.Name, v => (string?)v.Value);

    [Fact]
    public void A_node_of_its_own_without_a_key_must_make_a_random_one_per_process()
    {
        var first = TestOptions.Parse([]);
        var second = TestOptions.Parse([]);
        Assert.True(first.TokenKeyGenerated);
        Assert.True(first.TokenKey.Length >= SecretOptions.MinTokenKeyLength);
        Assert.NotEqual(first.TokenKey, second.TokenKey);
        Assert.DoesNotContain("development", first.TokenKey);
    }

    [Theory]
    [InlineData("--seed-nodes", "akka.tcp://media@127.0.0.1:4053")]
    [InlineData("--discovery", "kubernetes")]
    [InlineData("--discovery", "config", "--contact-points", "127.0.0.1:8081,127.0.0.1:8082")]
    public void A_node_that_joins_others_without_a_key_must_refuse_to_start_saying_how_to_make_one(params string[] args)
    {
        var error = Assert.Throws<OptionsException>(() => TestOptions.Parse(args));
        Assert.Contains("--token-key is required", error.Message);
        Assert.Contains(SecretOptions.HowToMakeAKey, error.Message);
    }

    [Fact]
    public void Keys_and_the_admin_token_must_be_readable_from_files_named_by_flag_or_variable()
    {
        var byFlag = TestOptions.Parse(["--discovery", "kubernetes", "--token-key-file", SecretFile("key", $"  {Key}\n"),
            "--admin-token-file", SecretFile("admin", "admin-token-from-a-file\n")]);
        Assert.Equal(Key, byFlag.TokenKey);
        Assert.False(byFlag.TokenKeyGenerated);
        Assert.Equal("admin-token-from-a-file", byFlag.AdminToken);

        var byVariable = TestOptions.Parse(["--discovery", "kubernetes"], Env(("NODE_TOKEN_KEY_FILE", SecretFile("key2", Key)),
            ("NODE_ADMIN_TOKEN_FILE", SecretFile("admin2", "another-admin-token-0123"))));
        Assert.Equal(Key, byVariable.TokenKey);
        Assert.Equal("another-admin-token-0123", byVariable.AdminToken);

        Assert.Equal(Key, TestOptions.Parse(["--seed-nodes", "akka.tcp://media@127.0.0.1:4053"], Env(("NODE_TOKEN_KEY", Key))).TokenKey);
    }

    [Theory]
    [InlineData("--token-key-file", "missing", null, "--token-key-file")]
    [InlineData("--token-key-file", "short", "too short", "at least 32 characters")]
    [InlineData("--token-key-file", "empty", "  \n", "is empty")]
    [InlineData("--admin-token-file", "missing", null, "--admin-token-file")]
    [InlineData("--admin-token-file", "short", "short", "at least 16 characters")]
    [InlineData("--previous-token-keys-file", "short", "old-but-short", "at least 32 characters")]
    public void A_missing_empty_or_short_secret_file_must_fail_naming_the_option(string flag, string name, string? content, string expected)
    {
        var path = content is null ? Path.Combine(_dir.Path, name) : SecretFile(name, content);
        var error = Assert.Throws<OptionsException>(() => TestOptions.Parse([flag, path]));
        Assert.Contains(expected, error.Message);
        Assert.Contains(flag.Replace("-file", ""), error.Message);
    }

    [Fact]
    public void A_secret_given_both_directly_and_by_file_must_be_refused()
    {
        var error = Assert.Throws<OptionsException>(() => TestOptions.Parse(["--token-key", Key, "--token-key-file", SecretFile("key", Key)]));
        Assert.Contains("not both", error.Message);
    }

    [Fact]
    public void Previous_keys_must_be_read_from_a_list_or_a_file()
    {
        var old1 = new string('a', 32);
        var old2 = new string('b', 48);
        Assert.Equal([old1, old2], TestOptions.Parse(["--token-key", Key, "--previous-token-keys", $"{old1}, {old2}"]).PreviousTokenKeys);
        Assert.Equal([old1, old2], TestOptions.Parse(["--token-key", Key], Env(("NODE_PREVIOUS_TOKEN_KEYS_FILE", SecretFile("old", $"{old1}\n{old2}\n")))).PreviousTokenKeys);
        Assert.Empty(TestOptions.Parse(["--token-key", Key]).PreviousTokenKeys);
    }

    [Fact]
    public void Printing_the_options_must_not_show_a_secret()
    {
        var options = TestOptions.Parse(["--token-key", Key, "--admin-token", "admin-token-never-printed"]);
        Assert.DoesNotContain(Key, options.ToString());
        Assert.DoesNotContain("admin-token-never-printed", options.ToString());
    }

    public void Dispose() => _dir.Dispose();
}
