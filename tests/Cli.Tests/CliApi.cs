using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Workforce.Cli.Tests;

/// <summary>What one run of <c>workforce</c> printed, and its exit status.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>The warnings and errors the API logged meanwhile, for failure messages.</summary>
    public string ServerLog { get; init; } = "";

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}\n--- server log\n{ServerLog}";
}

/// <summary>An enterprise with a unit to import workers into, and an API key of its own with the given scopes.</summary>
public sealed record Importer(TestEnterprise Enterprise, string Key, string Unit)
{
    public const string WorkerScopes = "directory.workers.read directory.workers.write";

    /// <summary>How many workers the enterprise's register holds.</summary>
    public async Task<int> WorkerCountAsync() =>
        (await (await Enterprise.Client.GetAsync("/api/v1/directory/workers?total=true")).ExpectJsonAsync())["total"]!.GetValue<int>();
}

/// <summary>
/// The API the client talks to in these tests, in-process through the test server's handler. Its import runner looks
/// for work every 50 ms rather than every 500, and the client asks how a job goes every 20 ms.
/// </summary>
public class CliApi : WorkforceApi
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Imports:PollMilliseconds", "50");
    }

    public async Task<Importer> NewImporterAsync(string scopes = Importer.WorkerScopes)
    {
        var enterprise = await this.NewEnterpriseAsync();
        var unit = TestIdentity.NewName("车间");
        await enterprise.AddUnitAsync(unit);
        var (_, key) = await enterprise.CreateApiClientAsync(scopes.Split(' '));
        return new Importer(enterprise, key, unit);
    }

    /// <summary>Runs <c>workforce args</c> in-process against this API, with <paramref name="key"/> in WORKFORCE_API_KEY when given.</summary>
    public async Task<CliRun> RunAsync(string? key, string[] args, bool terminal = false)
    {
        var (address, handler) = Connect();
        var environment = new Dictionary<string, string?>
        {
            ["WORKFORCE_API_URL"] = address.ToString(),
            ["WORKFORCE_API_KEY"] = key,
            ["WORKFORCE_POLL_MILLISECONDS"] = "20",
        };
        var logged = Logs.Entries.Count;
        using (handler)
        {
            var run = await RunCliAsync(args, handler, environment, terminal);
            var warnings = Logs.Entries.Skip(logged).Where(entry => entry.Level >= LogLevel.Warning).Select(entry => entry.Text);
            return run with { ServerLog = string.Join('\n', warnings) };
        }
    }

    /// <summary>Runs <c>workforce args</c> in-process with this environment and nothing else.</summary>
    public static async Task<CliRun> RunCliAsync(string[] args, HttpMessageHandler? handler, IReadOnlyDictionary<string, string?> environment, bool terminal = false)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await WorkforceCli.RunAsync(args, output, error, handler, name => environment.GetValueOrDefault(name), terminal);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The API's address, and the handler that reaches it (null: a real connection).</summary>
    protected virtual (Uri Address, HttpMessageHandler? Handler) Connect() => (Server.BaseAddress, Server.CreateHandler());
}

/// <summary>The same API served by Kestrel on a loopback port, for the client to reach over a real connection.</summary>
public sealed class KestrelCliApi : CliApi
{
    public KestrelCliApi() => UseKestrel(0);

    protected override (Uri Address, HttpMessageHandler? Handler) Connect()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return (new Uri(addresses.First()), null);
    }
}

/// <summary>Import files in a folder of their own, removed with it.</summary>
public sealed class ImportFiles : IDisposable
{
    public const string WorkersHeader = "姓名,工号,身份证号,部门";

    public string Folder { get; } = System.IO.Directory.CreateTempSubdirectory("workforce-cli-").FullName;

    public string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllLines(path, lines, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    /// <summary>A workers file of <paramref name="count"/> valid workers in the unit named.</summary>
    public string WriteWorkers(string unit, int count = 1, string name = "workers.csv") =>
        Write(name, [WorkersHeader, .. Enumerable.Range(0, count).Select(_ => Worker(unit))]);

    /// <summary>A valid worker row in the unit named.</summary>
    public static string Worker(string unit, string? residentId = null) =>
        $"{TestIdentity.NewName("张")},{TestIdentity.NewEmployeeNumber()},{residentId ?? TestIdentity.NewResidentId()},{unit}";

    /// <summary>Many valid workers, each a different person: 500 resident ids per birth date.</summary>
    public static IEnumerable<string> Workers(int count, string unit) => Enumerable.Range(0, count).Select(i =>
        $"工人{i},B{i:D6},{TestIdentity.ResidentId("320505", new DateOnly(1970, 1, 1).AddDays(i / 500), i % 500 * 2 + 1)},{unit}");

    public void Dispose() => System.IO.Directory.Delete(Folder, recursive: true);
}
