using MediaPlatform.Node.Api.Auth;
using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Api.Auth;

/// <summary>Token issue and verification on their own: key ids, rotation, versions, expiry and tampering.</summary>
public sealed class TokenServiceSpecs
{
    private const string Current = "the-current-signing-key-0123456789abcdef";
    private const string Retired = "the-retired-signing-key-0123456789abcdef";
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private static TokenService Service(TimeProvider time, string current = Current, params string[] previous) =>
        new(new TokenKeys(current, previous), Lifetime, time);

    [Fact]
    public void An_issued_token_must_verify_with_its_user_and_version_and_name_the_current_key()
    {
        var time = new MovableTime(DateTimeOffset.UtcNow);
        var token = Service(time).Issue("u-1", 7);
        Assert.Equal(new ValidToken("u-1", 7), Service(time).Validate(token));
        Assert.Equal(TokenMint.KeyId(Current), new TokenKeys(Current, []).CurrentId);
    }

    [Fact]
    public void A_token_of_a_retired_key_must_verify_only_while_that_key_is_listed()
    {
        var time = new MovableTime(DateTimeOffset.UtcNow);
        var old = Service(time, Retired).Issue("u-1", 0);
        Assert.NotNull(Service(time, Current, Retired).Validate(old));
        Assert.Null(Service(time, Current).Validate(old));
        // Rotation signs with the new key only: a node that no longer lists the retired key accepts new tokens.
        Assert.NotNull(Service(time, Current).Validate(Service(time, Current, Retired).Issue("u-1", 0)));
    }

    [Fact]
    public void A_token_naming_an_unknown_key_id_must_be_refused_even_if_signed_with_a_known_key()
    {
        var time = new MovableTime(DateTimeOffset.UtcNow);
        Assert.Null(Service(time).Validate(TokenMint.Current(Current, "u-1", kid: "0badc0de")));
        Assert.Null(Service(time).Validate(TokenMint.Legacy(Current, "u-1")));
        Assert.NotNull(Service(time).Validate(TokenMint.Current(Current, "u-1")));
    }

    [Fact]
    public void Expired_tampered_and_malformed_tokens_must_be_refused()
    {
        var time = new MovableTime(DateTimeOffset.UtcNow);
        var service = Service(time);
        var token = service.Issue("u-1", 0);
        var tampered = TokenMint.Current(Current, "u-1", version: 5)[..^2] + "AA";
        Assert.Null(service.Validate(tampered));
        Assert.Null(service.Validate("not-a-token"));
        Assert.Null(service.Validate("e30." + new string('A', 43)));
        Assert.Null(service.Validate(token + token));
        time.Advance(Lifetime + TimeSpan.FromSeconds(1));
        Assert.Null(service.Validate(token));
    }

    [Fact]
    public void A_token_verified_before_must_still_be_refused_once_it_expires()
    {
        var time = new MovableTime(DateTimeOffset.UtcNow);
        var service = Service(time);
        var token = service.Issue("u-1", 3);
        Assert.Equal(new ValidToken("u-1", 3), service.Validate(token));
        Assert.Equal(new ValidToken("u-1", 3), service.Validate(token)); // remembered: the same answer
        time.Advance(Lifetime + TimeSpan.FromSeconds(1));
        Assert.Null(service.Validate(token));
        Assert.Null(service.Validate(token));
    }
}
