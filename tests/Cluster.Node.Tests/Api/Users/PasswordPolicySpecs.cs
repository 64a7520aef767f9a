using MediaPlatform.Node.Api.Auth;

namespace MediaPlatform.Node.Tests.Api.Users;

/// <summary>NIST SP 800-63B password rules, pure: length, the common-password list, repeats; no composition rules.</summary>
public sealed class PasswordPolicySpecs
{
    [Fact]
    public void The_common_password_list_must_hold_ten_thousand_entries() => Assert.Equal(10_000, CommonPasswords.Count);

    [Theory]
    [InlineData("1234567890")] [InlineData("QWERTYUIOP")] [InlineData("password123")] [InlineData("1q2w3e4r5t")] [InlineData(" manchester ")]
    public void Common_passwords_must_be_refused_in_any_case(string password) =>
        Assert.Contains("commonly used", PasswordHasher.Validate(password));

    [Theory]
    [InlineData("aaaaaaaaaa")] [InlineData("7777777777777")]
    public void One_character_repeated_must_be_refused(string password) =>
        Assert.Contains("repeated", PasswordHasher.Validate(password));

    [Theory]
    [InlineData("correct horse battery")] [InlineData("lowercaseonlyletters")] [InlineData("0123498765")]
    public void Long_uncommon_passwords_must_be_accepted_without_composition_rules(string password) =>
        Assert.Null(PasswordHasher.Validate(password));

    [Fact]
    public void The_dummy_verification_must_never_succeed() => Assert.False(PasswordHasher.VerifyAgainstDummy("anything at all"));
}
