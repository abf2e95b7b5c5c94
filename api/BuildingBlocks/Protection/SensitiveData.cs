using System.Security.Cryptography;
using System.Text;

namespace Workforce.BuildingBlocks.Protection;

/// <summary>The two keys that protect sensitive fields at rest, 32 bytes each, given in base64.</summary>
public sealed record SensitiveDataKeys(string EncryptionKey, string LookupKey)
{
    public static SensitiveDataKeys Generate() =>
        new(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
}

/// <summary>
/// Protects personal data at rest (resident ID numbers, phones): values are stored encrypted with AES-256-GCM, and
/// found again through a keyed hash (HMAC-SHA256), so neither the table nor any index holds them in plain text.
/// </summary>
public sealed class SensitiveData
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>
    /// Setting up a key costs more than sealing or hashing a resident ID with it, and an import does millions. Neither
    /// object is thread-safe, so each thread keeps its own.
    /// </summary>
    private readonly ThreadLocal<AesGcm> _aes;
    private readonly ThreadLocal<HMACSHA256> _hmac;

    public SensitiveData(SensitiveDataKeys keys)
    {
        var encryptionKey = DecodeKey(keys.EncryptionKey, nameof(keys.EncryptionKey));
        var lookupKey = DecodeKey(keys.LookupKey, nameof(keys.LookupKey));
        _aes = new ThreadLocal<AesGcm>(() => new AesGcm(encryptionKey, TagSize));
        _hmac = new ThreadLocal<HMACSHA256>(() => new HMACSHA256(lookupKey));
    }

    public byte[] Encrypt(string plaintext) => Seal(Encoding.UTF8.GetBytes(plaintext));

    public string Decrypt(byte[] sealedValue) => Encoding.UTF8.GetString(Open(sealedValue));

    /// <summary>Encrypts bytes: the format version, a random nonce, the tag, then the ciphertext.</summary>
    public byte[] Seal(ReadOnlySpan<byte> plain)
    {
        var sealedValue = new byte[1 + NonceSize + TagSize + plain.Length];
        sealedValue[0] = FormatVersion;
        var nonce = sealedValue.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        _aes.Value!.Encrypt(nonce, plain, sealedValue.AsSpan(1 + NonceSize + TagSize), sealedValue.AsSpan(1 + NonceSize, TagSize));
        return sealedValue;
    }

    public byte[] Open(byte[] sealedValue)
    {
        if (sealedValue.Length < 1 + NonceSize + TagSize || sealedValue[0] != FormatVersion)
        {
            throw new CryptographicException("The protected value has an unknown format.");
        }
        var plain = new byte[sealedValue.Length - 1 - NonceSize - TagSize];
        _aes.Value!.Decrypt(sealedValue.AsSpan(1, NonceSize), sealedValue.AsSpan(1 + NonceSize + TagSize), sealedValue.AsSpan(1 + NonceSize, TagSize), plain);
        return plain;
    }

    /// <summary>The same value always gives the same hash, so it can be indexed and looked up; without the key it reveals nothing.</summary>
    public byte[] LookupHash(string value) => _hmac.Value!.ComputeHash(Encoding.UTF8.GetBytes(value));

    private static byte[] DecodeKey(string base64, string name)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"SensitiveData:{name} is not base64.");
        }
        return key.Length == 32 ? key : throw new InvalidOperationException($"SensitiveData:{name} must be 32 bytes.");
    }
}
