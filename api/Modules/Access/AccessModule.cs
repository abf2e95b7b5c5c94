using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workforce.Access.Audit;
using Workforce.Access.Authentication;
using Workforce.Access.Clients;
using Workforce.Access.Demo;
using Workforce.Access.Grants;
using Workforce.Access.Sessions;
using Workforce.Access.Users;
using Workforce.BuildingBlocks.Modules;
using Workforce.BuildingBlocks.Protection;
using Workforce.BuildingBlocks.Text;
using Workforce.Directory.Contracts;

namespace Workforce.Access;

/// <summary>
/// The Access module: who the caller is (session cookie or API key), what it may do where (roles granted at
/// organisation nodes), the audit trail's reader, and the accounts and API clients administrators manage.
/// </summary>
public sealed class AccessModule : IModule
{
    public string Name => "access";

    public ModulePermissions Permissions { get; } = new()
    {
        Declared = ModulePermissions.ConstantsOf(typeof(AccessPermissions)),
        Grants = new[] { Role.PlatformAdmin, Role.RegionAdmin, Role.EnterpriseAdmin }.ToDictionary(role => role, IReadOnlyList<string> (_) =>
            [AccessPermissions.UsersRead, AccessPermissions.UsersWrite, AccessPermissions.ClientsManage, AccessPermissions.AuditRead]),
    };

    public IReadOnlyDictionary<string, string> ChineseFieldNames { get; } = new Dictionary<string, string>
    {
        ["LoginName"] = "登录名",
        ["DisplayName"] = "姓名",
        ["Password"] = "密码",
        ["CreateUser.Password"] = "初始密码",
        ["CurrentPassword"] = "当前密码",
        ["NewPassword"] = "新密码",
        ["Role"] = "角色",
        ["OrganisationId"] = "授权单位",
        ["Status"] = "账号状态",
        ["Q"] = "登录名或姓名",
        ["Name"] = "名称",
        ["Scopes"] = "权限范围",
        ["Module"] = "模块",
        ["EntityType"] = "对象类型",
        ["Operation"] = "操作",
        ["From"] = "起始时间",
        ["To"] = "截止时间",
    };

    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<AccessOptions>().BindConfiguration("Access");
        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.AddScoped<PasswordAttempts>();
        services.AddOptions<PasswordHasherOptions>().Configure<IOptions<AccessOptions>>((hashing, access) =>
            hashing.IterationCount = access.Value.PasswordHashIterations ?? hashing.IterationCount);

        services.AddAuthentication(AccessSchemes.SessionOrApiKey)
            .AddPolicyScheme(AccessSchemes.SessionOrApiKey, null, scheme => scheme.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count > 0 ? AccessSchemes.ApiKey : AccessSchemes.Session)
            .AddCookie(AccessSchemes.Session, cookie =>
            {
                cookie.Cookie.Name = AccessSchemes.SessionCookie;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                cookie.Events.OnRedirectToLogin = context => Status(context.Response, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(AccessSchemes.ApiKey, null);
        services.AddOptions<CookieAuthenticationOptions>(AccessSchemes.Session).Configure<IServiceProvider>(SessionStore.Use);

        services.AddDataProtection().SetApplicationName("Workforce");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(keys =>
        {
            keys.XmlRepository = new KeyRingStore(provider);
            keys.XmlEncryptor = new KeyRingEncryptor(provider.GetRequiredService<SensitiveData>());
        }));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = AccessSchemes.AntiforgeryHeader;
            antiforgery.Cookie.Name = AccessSchemes.AntiforgeryCookie;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PasswordAttempts.RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value.LoginAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                }));
            limiter.OnRejected = async (rejected, ct) =>
            {
                rejected.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                rejected.HttpContext.Response.Headers.RetryAfter = "60";
                await rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = rejected.HttpContext,
                    // Its code and title are the general too_many_requests ones, as for any status the framework answers.
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Detail = new Words("Wait a minute before trying a password again.", "请等一分钟后再输入密码。").Said,
                    },
                });
            };
        });
        services.AddHostedService<FirstAdministrator>();

        services
            .AddConstraintProblem("users_login_name_key", () => User.LoginNameTaken.With(
                new("Another account has this login name.", "已有其他账号使用此登录名。"),
                new Dictionary<string, string[]> { ["loginName"] = [new Words("This login name is taken.", "此登录名已被占用。").Said] }))
            .AddConstraintProblem("users_worker_key", () => User.WorkerAlreadyLinked.With(
                new("Another account of this enterprise is linked to this worker: a worker has one account, which may hold several roles.",
                    "本企业已有其他账号关联了该职工：一名职工只有一个账号，一个账号可以拥有多个角色。"),
                new Dictionary<string, string[]> { ["workerId"] = [new Words("This worker already has an account.", "该职工已有账号。").Said] }))
            .AddConstraintProblem("grants_once_key", () => GrantRoleHandler.GrantExists.With(
                new("The user already holds this role at this organisation.", "该用户在此组织已拥有这一角色。")))
            .AddConstraintProblem("api_clients_name_key", () => ApiClient.NameTaken.With(
                new("Another active API client of this organisation has this name.", "本组织已有同名的在用 API 客户端。"),
                new Dictionary<string, string[]> { ["name"] = [new Words("This name is taken.", "此名称已被占用。").Said] }));
    }

    /// <summary>Authentication, the current actor, the access gate and antiforgery, in that order.</summary>
    public void UseMiddleware(IApplicationBuilder app) => app
        .UseRateLimiter()
        .UseAuthentication()
        .UseMiddleware<ActorResolution>()
        .UseAccessGate()
        .UseSessionAntiforgery();

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/access");

        LoginEndpoint.Map(api);
        LogoutEndpoint.Map(api);
        GetMeEndpoint.Map(api);
        ChangeOwnPasswordEndpoint.Map(api);

        CreateUserEndpoint.Map(api);
        GetUserEndpoint.Map(api);
        ListUsersEndpoint.Map(api);
        UpdateUserEndpoint.Map(api);
        ResetPasswordEndpoint.Map(api);
        GrantRoleEndpoint.Map(api);
        RevokeGrantEndpoint.Map(api);

        CreateApiClientEndpoint.Map(api);
        GetApiClientEndpoint.Map(api);
        ListApiClientsEndpoint.Map(api);
        RotateApiClientKeyEndpoint.Map(api);
        RevokeApiClientEndpoint.Map(api);

        ListAuditTrailEndpoint.Map(api);
    }

    /// <summary>The demo accounts (see DemoAccessSeeder for their names and password) on the Directory demo data.</summary>
    public Task SeedDemoDataAsync(DemoSeeding demo, CancellationToken ct) =>
        new DemoAccessSeeder(demo.Services).SeedAsync(demo.Shared<DemoDirectory>(), ct);

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
