using System.Security.Cryptography;

namespace MediaPlatform.Actors.Users.Cards;

/// <summary>
/// Checks a card a user submits and turns it into a <see cref="StoredCard"/>: digits only, Luhn checksum, a known
/// brand by prefix and length, an expiry that has not passed. The number is used here and then forgotten.
/// </summary>
public static class CardValidation
{
    public static bool TryAccept(string? number, int expiryMonth, int expiryYear, DateTimeOffset now,
        out StoredCard card, out string error)
    {
        card = null!;
        var digits = new string((number ?? "").Where(c => c is not (' ' or '-')).ToArray());
        if (digits.Length is < 12 or > 19 || !digits.All(char.IsAsciiDigit)) { error = "card number must be 12 to 19 digits"; return false; }
        if (!PassesLuhn(digits)) { error = "card number is not valid (checksum)"; return false; }
        if (BrandOf(digits) is not { } brand) { error = "card brand is not accepted (Visa, Mastercard, Amex, Discover)"; return false; }
        if (expiryMonth is < 1 or > 12) { error = "expiry month must be 1 to 12"; return false; }
        if (expiryYear is < 2000 or > 2100) { error = "expiry year must be a four-digit year"; return false; }
        var expiresAt = new DateTimeOffset(expiryYear, expiryMonth, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
        if (expiresAt <= now) { error = "card has expired"; return false; }
        card = new StoredCard($"card_{Guid.NewGuid():N}"[..17], NewToken(), brand, digits[^4..], expiryMonth, expiryYear);
        error = "";
        return true;
    }

    public static bool PassesLuhn(string digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt && (d *= 2) > 9) d -= 9;
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    public static CardBrand? BrandOf(string digits)
    {
        int Prefix(int n) => int.Parse(digits[..n]);
        if (digits[0] == '4' && digits.Length is 13 or 16 or 19) return CardBrand.Visa;
        if (digits.Length == 16 && (Prefix(2) is >= 51 and <= 55 || Prefix(4) is >= 2221 and <= 2720)) return CardBrand.Mastercard;
        if (digits.Length == 15 && Prefix(2) is 34 or 37) return CardBrand.Amex;
        if (digits.Length == 16 && (digits.StartsWith("6011") || digits.StartsWith("65") || Prefix(3) is >= 644 and <= 649)) return CardBrand.Discover;
        return null;
    }

    /// <summary>The gateway-side reference for the card; random, so it reveals nothing about the number.</summary>
    private static string NewToken() => "tok_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
