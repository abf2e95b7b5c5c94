using System.Security.Cryptography;
using System.Text;
using Workforce.BuildingBlocks.Protection;

namespace Workforce.BuildingBlocks.Tests.Protection;

public sealed class SensitiveDataTests
{
    private static readonly string ValidKey = Convert.ToBase64String(new byte[32]);
    private readonly SensitiveData _sensitive = new(SensitiveDataKeys.Generate());

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("13912345678")]
    [InlineData("张三")]
    [InlineData("")]
    public void A_value_decrypts_to_itself(string value)
    {
        Assert.Equal(value, _sensitive.Decrypt(_sensitive.Encrypt(value)));
    }

    [Fact]
    public void The_stored_value_does_not_hold_the_plain_text()
    {
        var plain = Encoding.UTF8.GetBytes("11010519491231002X");

        var sealedValue = _sensitive.Encrypt("11010519491231002X");

        Assert.Equal(-1, sealedValue.AsSpan().IndexOf(plain));
    }

    [Fact]
    public void Encrypting_the_same_value_twice_gives_different_ciphertexts()
    {
        Assert.NotEqual(_sensitive.Encrypt("13912345678"), _sensitive.Encrypt("13912345678"));
    }

    [Fact]
    public void The_lookup_hash_is_the_same_for_the_same_value_and_key()
    {
        // Two instances, as two processes would have: same lookup key, different encryption keys.
        var one = new SensitiveData(new SensitiveDataKeys(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), ValidKey));
        var another = new SensitiveData(new SensitiveDataKeys(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), ValidKey));

        Assert.Equal(one.LookupHash("13912345678"), another.LookupHash("13912345678"));
        Assert.NotEqual(one.LookupHash("13912345678"), another.LookupHash("13912345679"));
    }

    [Fact]
    public void The_lookup_hash_depends_on_the_key()
    {
        var other = new SensitiveData(SensitiveDataKeys.Generate());

        Assert.NotEqual(_sensitive.LookupHash("13912345678"), other.LookupHash("13912345678"));
    }

    [Theory]
    [InlineData(0)] // format version
    [InlineData(1)] // nonce
    [InlineData(13)] // tag
    [InlineData(29)] // ciphertext
    public void A_tampered_value_is_refused(int position)
    {
        var sealedValue = _sensitive.Encrypt("13912345678");
        sealedValue[position] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => _sensitive.Decrypt(sealedValue));
    }

    [Fact]
    public void A_truncated_value_is_refused()
    {
        var sealedValue = _sensitive.Encrypt("13912345678");

        Assert.ThrowsAny<CryptographicException>(() => _sensitive.Decrypt(sealedValue[..20]));
    }

    [Fact]
    public void A_value_encrypted_under_another_key_is_refused()
    {
        var sealedValue = new SensitiveData(SensitiveDataKeys.Generate()).Encrypt("13912345678");

        Assert.ThrowsAny<CryptographicException>(() => _sensitive.Decrypt(sealedValue));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    public void Keys_that_are_not_32_bytes_are_refused(int length)
    {
        var wrong = Convert.ToBase64String(new byte[length]);

        var encryption = Assert.Throws<InvalidOperationException>(() => new SensitiveData(new SensitiveDataKeys(wrong, ValidKey)));
        var lookup = Assert.Throws<InvalidOperationException>(() => new SensitiveData(new SensitiveDataKeys(ValidKey, wrong)));

        Assert.Contains("EncryptionKey", encryption.Message);
        Assert.Contains("LookupKey", lookup.Message);
    }

    [Fact]
    public void A_key_that_is_not_base64_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new SensitiveData(new SensitiveDataKeys("not base64!", ValidKey)));

        Assert.Contains("EncryptionKey", error.Message);
    }
}
