using System.Buffers.Text;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Workforce.BuildingBlocks.Text;
using Workforce.Integration.Delivery;

namespace Workforce.Integration.Webhooks;

/// <summary>Paused subscriptions keep collecting deliveries and send them, in order, once active again.</summary>
internal enum WebhookStatus { Active, Paused }

/// <summary>A webhook subscription as administrators see it: its signing secret is shown only when created.</summary>
internal sealed record Webhook : IVersioned
{
    public required Guid Id { get; init; }

    /// <summary>The organisation that subscribed.</summary>
    public required Guid OrganisationId { get; init; }

    /// <summary>Where each event is POSTed.</summary>
    public required string Url { get; init; }

    /// <summary>The event types sent; empty for every type.</summary>
    public required string[] EventTypes { get; init; }

    public required WebhookStatus Status { get; init; }
    public required int Version { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public const string Columns = "w.id, w.organisation_id, w.url, w.event_types, w.status, w.version, w.created_at, w.updated_at";

    public static readonly ProblemCode NoSuchWebhook = new(404, "webhook_not_found", new("The webhook was not found.", "未找到该 Webhook 订阅。"));

    public static ProblemException NotFound(Guid id) =>
        NoSuchWebhook.With(new($"There is no webhook {id} in this organisation.", $"本组织没有编号为 {id} 的 Webhook 订阅。"));

    public static async Task<Webhook> FindAsync(DbSession db, Guid tenant, Guid id, bool forUpdate, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<Webhook>(
            $"SELECT {Columns} FROM integration.webhook_subscriptions w WHERE w.tenant_id = @Tenant AND w.id = @Id" + (forUpdate ? " FOR UPDATE" : ""),
            new { Tenant = tenant, Id = id }, ct)
        ?? throw NotFound(id);

    /// <summary>Runs a statement that writes one subscription row (<c>RETURNING *</c>) and reads it back.</summary>
    public static Task<Webhook> WriteAsync(DbSession db, string writeReturningAll, object parameters, CancellationToken ct) =>
        db.QuerySingleAsync<Webhook>($"WITH w AS ({writeReturningAll}) SELECT {Columns} FROM w", parameters, ct);

    /// <summary>A new signing secret: 256 random bits, marked so that secret scanners know it.</summary>
    public static string NewSecret() => "whsec_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}

/// <summary>A new subscription with its signing secret: the one time the secret is shown. Keep it to check signatures.</summary>
internal sealed record IssuedWebhook(Webhook Webhook, string Secret) : IVersioned
{
    public int Version => Webhook.Version;
}

/// <summary>What creating sets and updating replaces.</summary>
internal abstract record WebhookFields
{
    /// <summary>An absolute http or https URL, without user name or password (requests are signed instead).</summary>
    public string? Url { get; init; }

    /// <summary>The event types to send, e.g. directory.worker.registered; none (or empty) for every type.</summary>
    public string[]? EventTypes { get; init; }

    // Worked out from the fields above, not fields of the request: left out of its JSON and of the OpenAPI document.
    [JsonIgnore]
    public string TrimmedUrl => Url!.Trim();

    [JsonIgnore]
    public string[] DistinctEventTypes => (EventTypes ?? []).Select(t => t.Trim()).Distinct().Order(StringComparer.Ordinal).ToArray();
}

internal sealed partial class WebhookFieldsValidator : AbstractValidator<WebhookFields>
{
    public const int MaxEventTypes = 50;

    public WebhookFieldsValidator(IOptions<WebhookOptions> options)
    {
        RuleFor(w => w.Url).Must(u => !string.IsNullOrWhiteSpace(u)).WithMessage(new Words("Give the URL to send events to.", "请填写接收事件的地址。")).MaximumLength(2000);
        RuleFor(w => w.Url).Cascade(CascadeMode.Stop)
            .Must(BeHttpUrl).WithMessage(new Words("Give an absolute http or https URL, without a user name or password.",
                "请填写以 http:// 或 https:// 开头的完整地址，不要带用户名和密码。"))
            .MustAsync((url, ct) => options.Value.AllowPrivateNetworks ? Task.FromResult(true) : ReachOnlyPublicAddressesAsync(url!, ct))
            .WithMessage(new Words("Webhooks may not reach loopback, private, link-local or other non-public addresses, and this URL's host is or resolves to one.",
                "Webhook 只能发往公网地址，而此地址的主机是（或解析为）本机、内网、链路本地等非公网地址。"))
            .When(w => !string.IsNullOrWhiteSpace(w.Url));
        RuleFor(w => w.EventTypes).Must(t => t is null || t.Length <= MaxEventTypes).WithMessage(new Words($"Name at most {MaxEventTypes} event types.", $"事件类型最多填 {MaxEventTypes} 个。"));
        RuleForEach(w => w.EventTypes).Must(t => t is not null && t.Trim().Length <= 100 && EventType().IsMatch(t.Trim()))
            .WithMessage(new Words("'{PropertyValue}' is not an event type: they are named module.entity.happening.",
                "“{PropertyValue}”不是事件类型：事件类型形如“模块.对象.事件”。"));
    }

    private static bool BeHttpUrl(string? url) =>
        Uri.TryCreate(url!.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.UserInfo.Length == 0 && uri.Host.Length > 0;

    /// <summary>The rule each delivery checks again. A name that does not resolve now may later: its deliveries will tell.</summary>
    private static async Task<bool> ReachOnlyPublicAddressesAsync(string url, CancellationToken ct)
    {
        try
        {
            await PublicAddresses.ResolveAsync(new Uri(url.Trim()).IdnHost, allowPrivateNetworks: false, ct);
            return true;
        }
        catch (AddressNotAllowedException)
        {
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*(\\.[a-z][a-zA-Z0-9]*){2,}$")]
    private static partial Regex EventType();
}
