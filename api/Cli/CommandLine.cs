namespace Workforce.Cli;

/// <summary>What `workforce import` was asked to do, from its command line and environment.</summary>
/// <param name="Kind">workers or units: the last segment of the upload's route.</param>
/// <param name="Mode">allOrNothing or skipInvalid, as the API spells it.</param>
internal sealed record ImportOptions(string Kind, string File, Guid? Organisation, Uri Api, string Key, string Mode, bool DryRun, TimeSpan PollInterval);

/// <summary>The command line is wrong; the message says how.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>
/// A small hand-written parser: one command with a handful of options does not need a parsing library, and the tool
/// stays a single assembly with no dependencies. Options go anywhere after the command, as <c>--name value</c> or
/// <c>--name=value</c>; <c>--</c> ends them (for a file whose name starts with a dash).
/// </summary>
internal static class CommandLine
{
    public const string ApiVariable = "WORKFORCE_API_URL";
    public const string KeyVariable = "WORKFORCE_API_KEY";
    public const string PollVariable = "WORKFORCE_POLL_MILLISECONDS";
    public const string DefaultApi = "http://127.0.0.1:5080";

    public const string Usage = $"""
        Usage: workforce import workers FILE [options]
               workforce import units FILE [options]

        Uploads a CSV or XLSX file of workers or of units and teams to the Workforce API, follows the import until it
        ends, prints what it did, and writes the rejected rows, with the reason for each, next to the file as
        FILE.rejected.csv.

        Options:
          --org ID        the organisation to act for, sent as X-Organisation-Id (an API key acts for its own)
          --api URL       the API; default ${ApiVariable}, else {DefaultApi}
          --key KEY       the API key (wf_...); default ${KeyVariable}, which is better: a key on the
                          command line shows in the process list
          --mode MODE     all-or-nothing (default): import the file only if no row is rejected;
                          skip-invalid: import the valid rows and report the others
          --dry-run       check the file and say what the import would do, changing nothing
          -h, --help      show this help

        Environment: {ApiVariable}, {KeyVariable}; {PollVariable} how often to ask how the
        import is going (default 500).

        Exit status: 0 imported with no rejected rows; 2 rows were rejected; 1 the import failed, the server
        refused it or could not be reached; 64 the command line is wrong.
        """;

    /// <summary>The import to run, or null when help was asked for.</summary>
    /// <exception cref="UsageException">The command line is wrong, or no API key was given.</exception>
    public static ImportOptions? Parse(string[] args, Func<string, string?> environment)
    {
        var positional = new List<string>();
        string? organisation = null, api = null, key = null, mode = null;
        var dryRun = false;
        var optionsEnded = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (optionsEnded || !arg.StartsWith('-') || arg == "-")
            {
                positional.Add(arg);
                continue;
            }
            if (arg == "--")
            {
                optionsEnded = true;
                continue;
            }
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            var inline = equals > 0 ? arg[(equals + 1)..] : null;
            switch (name)
            {
                case "-h" or "--help":
                    return null;
                case "--dry-run":
                    dryRun = inline is null ? true : throw new UsageException("--dry-run takes no value.");
                    break;
                case "--org":
                    organisation = Value();
                    break;
                case "--api":
                    api = Value();
                    break;
                case "--key":
                    key = Value();
                    break;
                case "--mode":
                    mode = Value();
                    break;
                default:
                    throw new UsageException($"Unknown option '{name}'.");
            }

            string Value() => inline ?? (i + 1 < args.Length ? args[++i] : throw new UsageException($"{name} needs a value."));
        }

        return positional switch
        {
            [] => throw new UsageException("Say what to import: workforce import workers FILE."),
            [not "import", ..] => throw new UsageException($"Unknown command '{positional[0]}'; the one command is 'import'."),
            [_] or [_, not ("workers" or "units"), ..] => throw new UsageException("Say what to import: workers or units."),
            [_, _] => throw new UsageException("Name the file to import."),
            [_, _, _, var extra, ..] => throw new UsageException($"Unexpected argument '{extra}'; import one file at a time."),
            [_, var kind, var file] => new ImportOptions(kind, file, OrganisationId(organisation),
                ApiUrl(api ?? NonEmpty(environment(ApiVariable)) ?? DefaultApi, api is null ? ApiVariable : "--api"),
                ApiKey(key ?? NonEmpty(environment(KeyVariable))), ModeName(mode), dryRun, PollInterval(environment(PollVariable))),
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Guid? OrganisationId(string? value) =>
        value is null ? null
        : Guid.TryParse(value, out var id) ? id
        : throw new UsageException($"--org takes an organisation id (a UUID), not '{value}'.");

    /// <summary>The API's base address, ending with a slash so that relative routes keep any path prefix it has.</summary>
    private static Uri ApiUrl(string value, string from)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"{from} takes the API's http or https address, such as {DefaultApi}, not '{value}'.");
        }
        return url.AbsolutePath.EndsWith('/') ? url : new Uri(url + "/");
    }

    private static string ApiKey(string? value)
    {
        if (value is null)
        {
            throw new UsageException(
                $"""
                No API key: pass --key or set {KeyVariable}.
                An enterprise administrator creates one in the admin app, or with POST /api/v1/access/clients, with the
                scopes directory.workers.write and directory.workers.read (directory.organisations.write too for units).
                The key (wf_...) is shown only once, when it is created.
                """);
        }
        return value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            ? throw new UsageException("The API key has spaces or control characters in it; copy it again.")
            : value;
    }

    private static string ModeName(string? value) => value switch
    {
        null or "all-or-nothing" or "allOrNothing" => "allOrNothing",
        "skip-invalid" or "skipInvalid" => "skipInvalid",
        _ => throw new UsageException($"--mode is all-or-nothing or skip-invalid, not '{value}'."),
    };

    private static TimeSpan PollInterval(string? milliseconds) =>
        TimeSpan.FromMilliseconds(int.TryParse(milliseconds, out var value) && value > 0 ? value : 500);
}
