using System.Net;
using System.Net.Sockets;

namespace Workforce.Integration.Delivery;

/// <summary>A webhook's host resolved only to addresses webhooks may not reach.</summary>
internal sealed class AddressNotAllowedException(string host)
    : Exception($"{host} resolves only to loopback, private or other non-public addresses, which webhooks may not reach.");

/// <summary>
/// Webhooks connect only to public addresses, checked on the address actually connected to (after DNS, so a name that
/// resolves to an internal address is caught too, whenever it does), unless private networks are allowed.
/// </summary>
internal static class PublicAddresses
{
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectCallback(bool allowPrivateNetworks) =>
        async (context, ct) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
            var allowed = addresses.Where(address => allowPrivateNetworks || IsPublic(address)).ToArray();
            if (allowed.Length == 0)
            {
                throw new AddressNotAllowedException(host);
            }
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] is 0 or 10 or 127 or >= 224                // this network, private, loopback, multicast and reserved
                || (b[0] == 100 && b[1] is >= 64 and < 128)          // shared address space (carrier-grade NAT)
                || (b[0] == 169 && b[1] == 254)                      // link-local: cloud metadata services live here
                || (b[0] == 172 && b[1] is >= 16 and < 32)           // private
                || (b[0] == 192 && b[1] == 168)                      // private
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)           // IETF protocol assignments
                || (b[0] == 198 && b[1] is 18 or 19));               // benchmarking
        }
        return address.AddressFamily == AddressFamily.InterNetworkV6
            && !(IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
                 || address.IsIPv6UniqueLocal || address.IsIPv6Multicast || address.IsIPv6Teredo || address.IsIPv4MappedToIPv6);
    }
}
