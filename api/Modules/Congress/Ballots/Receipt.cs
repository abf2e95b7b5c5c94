using System.Security.Cryptography;

namespace Workforce.Congress.Ballots;

/// <summary>
/// A voter's receipt: 80 random bits written as four groups of Crockford base32 (no I, L, O or U, which read as
/// other characters). Only its keyed hash is kept, so the code is shown once and cannot be read back.
/// </summary>
internal static class Receipt
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        var code = new char[19];
        for (int i = 0, c = 0; i < 16; i++)
        {
            if (i is 4 or 8 or 12)
            {
                code[c++] = '-';
            }
            code[c++] = Alphabet[random[i] & 31];
        }
        return new string(code);
    }

    /// <summary>As typed back: any case, with or without dashes and spaces, with the look-alike letters read as digits.</summary>
    public static string Normalise(string typed) => new(typed.ToUpperInvariant()
        .Where(char.IsLetterOrDigit)
        .Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c })
        .ToArray());
}
