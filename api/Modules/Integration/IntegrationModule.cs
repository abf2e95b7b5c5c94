using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workforce.BuildingBlocks.Modules;
using Workforce.Integration.Delivery;
using Workforce.Integration.Events;
using Workforce.Integration.Webhooks;

namespace Workforce.Integration;

/// <summary>The Integration module: the change feed over the outbox, and webhooks that deliver it.</summary>
public sealed class IntegrationModule : IModule
{
    public string Name => "integration";

    public ModulePermissions Permissions { get; } = new()
    {
        Declared = ModulePermissions.ConstantsOf(typeof(IntegrationPermissions)),
        Grants = new Dictionary<Role, IReadOnlyList<string>>
        {
            [Role.EnterpriseAdmin] = [IntegrationPermissions.EventsRead, IntegrationPermissions.WebhooksManage],
        },
    };

    public IReadOnlyDictionary<string, string> ChineseFieldNames { get; } = new Dictionary<string, string>
    {
        ["Url"] = "接收地址",
        ["EventTypes"] = "事件类型",
        ["Status"] = "订阅状态",
        ["Types"] = "事件类型",
        ["Limit"] = "每页条数",
    };

    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration("Integration:Webhooks");
        // Requests go straight to the receiver (no proxy, no redirects followed), so the address checked is the one reached.
        services.AddHttpClient(WebhookSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                ConnectCallback = PublicAddresses.ConnectCallback(provider.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks),
            })
            .RemoveAllLoggers();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<FanOutWebhookEvents>();
        services.AddSingleton<DeliverWebhooks>();
        services.AddHostedService<WebhookWorker>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        ListEventsEndpoint.Map(api);

        var integration = app.MapGroup("/api/v1/integration");
        ListEventTypesEndpoint.Map(integration);
        CreateWebhookEndpoint.Map(integration);
        ListWebhooksEndpoint.Map(integration);
        GetWebhookEndpoint.Map(integration);
        UpdateWebhookEndpoint.Map(integration);
        DeleteWebhookEndpoint.Map(integration);
        ListWebhookDeliveriesEndpoint.Map(integration);
        RedeliverWebhookDeliveryEndpoint.Map(integration);
    }
}
