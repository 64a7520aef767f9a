using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Actors.Users;

namespace MediaPlatform.Actors.Tests.Users;

/// <summary>Names and emails that look like someone else's: invisible characters and mixed scripts are refused.</summary>
public sealed class ImpersonationRulesSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("\u202Aa")] [InlineData("a\u202E")] [InlineData("a\u2066b")] [InlineData("a\u2069")]
    [InlineData("a\u200Bb")] [InlineData("a\u200D")] [InlineData("a\u2060")] [InlineData("\uFEFFa")] [InlineData("a\u0007")]
    public void Display_names_and_title_names_with_invisible_or_control_characters_must_be_refused(string name)
    {
        var register = UserState.Empty("u-1").Handle(new RegisterUser("u-1", "a@example.com", name, "hash"), Now);
        Assert.Equal(RejectionKind.Invalid, Assert.IsType<Decision<IUserEvent>.Rejected>(register).Rejection.Kind);
        Assert.NotNull(TitleRules.Name(name));
    }

    [Theory]
    [InlineData("Zoë Ångström")] [InlineData("山田 太郎")] [InlineData("Иван")] [InlineData("O'Brien-Smith")]
    public void Ordinary_names_in_any_script_must_be_accepted(string name)
    {
        Assert.IsType<Decision<IUserEvent>.Accepted>(UserState.Empty("u-1").Handle(new RegisterUser("u-1", "a@example.com", name, "hash"), Now));
        Assert.Null(TitleRules.Name(name));
    }

    [Theory]
    [InlineData("p\u0430ypal@example.com")] // Cyrillic а
    [InlineData("\u03BFscar@example.com")] // Greek ο
    [InlineData("adm\u0456n@example.com")] // Cyrillic і
    [InlineData("a\u200Bb@example.com")]
    public void Emails_whose_local_part_mixes_scripts_or_hides_characters_must_be_refused(string email) =>
        Assert.False(EmailAddress.TryNormalize(email, out _, out _));

    [Theory]
    [InlineData("paypal@example.com")] [InlineData("иван.петров@example.com")] [InlineData("jörg+tag@example.com")] [InlineData("山田123@example.com")]
    public void Emails_in_one_script_must_be_accepted(string email) =>
        Assert.True(EmailAddress.TryNormalize(email, out _, out _));

    [Fact]
    public void A_registration_retried_with_another_fingerprint_must_be_refused_as_unprocessable_and_the_same_one_answered()
    {
        var first = new RegisterUser("u-1", "a@example.com", "Alice", "hash", "v1:first");
        var state = UserState.Empty("u-1");
        var accepted = Assert.IsType<Decision<IUserEvent>.Accepted>(state.Handle(first, Now));
        state = accepted.Events.Aggregate(state, (s, e) => s.Apply(e));

        Assert.IsType<UserProfile>(Assert.IsType<Decision<IUserEvent>.Accepted>(state.Handle(first, Now)).Reply);
        foreach (var replay in new[] { first with { SignUpFingerprint = "v1:other" }, first with { Email = "b@example.com" }, first with { SignUpFingerprint = null } })
            Assert.Equal(RejectionKind.Unprocessable, Assert.IsType<Decision<IUserEvent>.Rejected>(state.Handle(replay, Now)).Rejection.Kind);
    }
}
