using MediaPlatform.Actors.Users;
using MediaPlatform.Actors.Users.Cards;

namespace MediaPlatform.Actors.Tests.Users;

public sealed class CardValidationSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 5, 15, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("4111111111111111", CardBrand.Visa)]
    [InlineData("4111-1111-1111-1111", CardBrand.Visa)]
    [InlineData("5555555555554444", CardBrand.Mastercard)]
    [InlineData("2223003122003222", CardBrand.Mastercard)]
    [InlineData("378282246310005", CardBrand.Amex)]
    [InlineData("6011111111111117", CardBrand.Discover)]
    public void Valid_cards_must_be_accepted_keeping_only_brand_last_four_and_a_token(string number, CardBrand brand)
    {
        Assert.True(CardValidation.TryAccept(number, 12, 2030, Now, out var card, out _));
        Assert.Equal(brand, card.Brand);
        var digits = number.Replace("-", "");
        Assert.Equal(digits[^4..], card.Last4);
        Assert.DoesNotContain(digits, card.Token);
        Assert.DoesNotContain(digits[..6], card.Token + card.CardId);
    }

    [Theory]
    [InlineData("4111111111111112", 12, 2030, "checksum")]
    [InlineData("411111111111", 12, 2030, "checksum")]
    [InlineData("12345", 12, 2030, "12 to 19 digits")]
    [InlineData("4111x11111111111", 12, 2030, "12 to 19 digits")]
    [InlineData("", 12, 2030, "12 to 19 digits")]
    [InlineData("9999999999999995", 12, 2030, "brand")]
    [InlineData("4111111111111111", 13, 2030, "month")]
    [InlineData("4111111111111111", 12, 30, "four-digit year")]
    [InlineData("4111111111111111", 4, 2026, "expired")]
    public void Invalid_cards_must_be_refused_with_the_reason(string number, int month, int year, string expected)
    {
        Assert.False(CardValidation.TryAccept(number, month, year, Now, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void A_card_expiring_this_month_must_still_be_accepted()
    {
        Assert.True(CardValidation.TryAccept("4111111111111111", 5, 2026, Now, out _, out _));
    }
}

public sealed class EmailAddressSpecs
{
    [Theory]
    [InlineData("  Alice@Example.COM ", "alice@example.com")]
    [InlineData("a.b+tag@example.co.uk", "a.b+tag@example.co.uk")]
    [InlineData("ｆｕｌｌ@example.com", "full@example.com")]
    public void Addresses_must_be_normalized_to_one_form(string input, string expected)
    {
        Assert.True(EmailAddress.TryNormalize(input, out var normalized, out _));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("plain", "name@example.com")]
    [InlineData("a@b@example.com", "name@example.com")]
    [InlineData("a b@example.com", "spaces")]
    [InlineData("a@localhost", "domain")]
    [InlineData("a@example..com", "domain")]
    public void Malformed_addresses_must_be_refused(string? input, string expected)
    {
        Assert.False(EmailAddress.TryNormalize(input, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Over_long_addresses_must_be_refused()
    {
        Assert.False(EmailAddress.TryNormalize(new string('a', 65) + "@example.com", out _, out _));
        Assert.False(EmailAddress.TryNormalize("a@" + new string('b', 250) + ".com", out _, out _));
    }
}
