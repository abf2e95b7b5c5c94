using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Workforce.BuildingBlocks.Hosting;

namespace Workforce.Access.Users;

/// <summary>
/// On a database with no accounts yet, creates the platform administrator <c>admin</c>. Its password comes from
/// WORKFORCE_ADMIN_PASSWORD (or Access:AdminPassword); otherwise one is generated, printed once, and written to
/// <c>admin-password</c> beside the embedded database (readable by the owner only).
/// </summary>
internal sealed class FirstAdministrator(IServiceProvider services, IOptions<AccessOptions> options, IConfiguration configuration) : IHostedService
{
    public const string LoginName = "admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        if (await db.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM access.users)", null, cancellationToken))
        {
            return;
        }

        var password = options.Value.AdminPassword ?? configuration["WORKFORCE_ADMIN_PASSWORD"];
        var generated = string.IsNullOrEmpty(password);
        if (generated)
        {
            password = AccountRules.NewPassword(LoginName);
        }
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem(Platform.OrganisationId);
        try
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateUser
            {
                LoginName = LoginName,
                DisplayName = "平台管理员",
                Password = password,
                Role = Role.PlatformAdmin,
                OrganisationId = Platform.OrganisationId,
            }, cancellationToken);
        }
        catch (ProblemException refused) when (refused.Errors?.ContainsKey("password") == true)
        {
            throw new InvalidOperationException($"WORKFORCE_ADMIN_PASSWORD is not accepted: {refused.Errors["password"][0]}");
        }

        if (generated)
        {
            var file = Path.Combine(Path.GetDirectoryName(DatabaseServer.DataDirectory(configuration))!, "admin-password");
            PrivateFile.Write(file, password + Environment.NewLine);
            Console.WriteLine($"Created the platform administrator '{LoginName}' with password {password} (also in {file}). Change it after signing in.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
