using System.Security.Cryptography;
using System.Text;
using Workforce.Integration.Contracts;

namespace Workforce.Integration.Delivery;

/// <summary>The signature of a webhook request, as <see cref="WebhookHeaders"/> describes it to receivers.</summary>
internal static class WebhookSignature
{
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{timestamp}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return WebhookHeaders.SignatureScheme + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
