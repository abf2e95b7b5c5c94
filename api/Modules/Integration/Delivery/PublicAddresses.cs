using System.Net;
using System.Net.Sockets;
using Workforce.BuildingBlocks.Text;

namespace Workforce.Integration.Delivery;

/// <summary>A webhook's host is, or resolves to, an address webhooks may not reach.</summary>
internal sealed class AddressNotAllowedException(string host) : Exception(Why(host).English)
{
    /// <summary>What the delivery log says of it.</summary>
    public Words Reason { get; } = Why(host);

    private static Words Why(string host) => new(
        $"{host} is or resolves to a loopback, private or other non-public address, which webhooks may not reach.",
        $"{host} 是（或解析为）本机、内网等非公网地址，Webhook 不能发往这类地址。");
}

/// <summary>
/// Webhooks reach only public addresses, unless private networks are allowed. One rule, checked twice: when a URL is
/// set (so that a bad one is refused at once), and on the address actually connected to at each delivery (after DNS,
/// as a name may resolve elsewhere by then).
/// </summary>
internal static class PublicAddresses
{
    /// <summary>The IPv4 special-purpose ranges (IANA's registry) that are no one's public address.</summary>
    private static readonly IPNetwork[] NonPublicIPv4 =
    [
        IPNetwork.Parse("0.0.0.0/8"),        // this network, and the unspecified address
        IPNetwork.Parse("10.0.0.0/8"),       // private
        IPNetwork.Parse("100.64.0.0/10"),    // shared address space (carrier-grade NAT)
        IPNetwork.Parse("127.0.0.0/8"),      // loopback
        IPNetwork.Parse("169.254.0.0/16"),   // link-local: cloud metadata services live here
        IPNetwork.Parse("172.16.0.0/12"),    // private
        IPNetwork.Parse("192.0.0.0/24"),     // IETF protocol assignments
        IPNetwork.Parse("192.0.2.0/24"),     // documentation
        IPNetwork.Parse("192.88.99.0/24"),   // 6to4 relays
        IPNetwork.Parse("192.168.0.0/16"),   // private
        IPNetwork.Parse("198.18.0.0/15"),    // benchmarking
        IPNetwork.Parse("198.51.100.0/24"),  // documentation
        IPNetwork.Parse("203.0.113.0/24"),   // documentation
        IPNetwork.Parse("224.0.0.0/3"),      // multicast, reserved, broadcast
    ];

    /// <summary>Global unicast: every public IPv6 address is in it, and nothing outside it is public.</summary>
    private static readonly IPNetwork GlobalUnicast = IPNetwork.Parse("2000::/3");

    /// <summary>The parts of global unicast that are no one's public address.</summary>
    private static readonly IPNetwork[] NonPublicIPv6 =
    [
        IPNetwork.Parse("2001::/23"),        // IETF protocol assignments: Teredo, benchmarking, ORCHID
        IPNetwork.Parse("2001:db8::/32"),    // documentation
        IPNetwork.Parse("3fff::/20"),        // documentation
    ];

    /// <summary>NAT64's well-known prefix carries an IPv4 address in its last 32 bits.</summary>
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");

    /// <summary>6to4 carries an IPv4 address in bits 16 to 48.</summary>
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    /// <summary>
    /// The addresses a webhook to <paramref name="host"/> (a URL's <see cref="Uri.IdnHost"/>) may connect to: a literal
    /// address, or everything the name resolves to. Refused when any of them is not public, unless private networks are allowed.
    /// </summary>
    public static async Task<IPAddress[]> ResolveAsync(string host, bool allowPrivateNetworks, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        if (!allowPrivateNetworks && (addresses.Length == 0 || !addresses.All(IsPublic)))
        {
            throw new AddressNotAllowedException(host);
        }
        return addresses;
    }

    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectCallback(bool allowPrivateNetworks) =>
        async (context, ct) =>
        {
            var addresses = await ResolveAsync(context.DnsEndPoint.Host, allowPrivateNetworks, ct);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
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
        if (EmbeddedIPv4(address) is { } embedded)
        {
            address = embedded;
        }
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => !NonPublicIPv4.Any(range => range.Contains(address)),
            AddressFamily.InterNetworkV6 => GlobalUnicast.Contains(address) && !NonPublicIPv6.Any(range => range.Contains(address)),
            _ => false,
        };
    }

    /// <summary>The IPv4 address an IPv6 one stands for (IPv4-mapped, NAT64, 6to4), whose reach is the IPv4 one's.</summary>
    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }
        var bytes = address.GetAddressBytes();
        return Nat64.Contains(address) ? new IPAddress(bytes[12..16])
            : SixToFour.Contains(address) ? new IPAddress(bytes[2..6])
            : null;
    }
}
