namespace Workforce.Cli;

/// <summary>What the exit status tells a script.</summary>
public static class ExitCodes
{
    /// <summary>The import completed without a single rejected row (for a dry run: it would).</summary>
    public const int Ok = 0;

    /// <summary>The job failed, the server refused the upload, or it could not be reached.</summary>
    public const int Failed = 1;

    /// <summary>Rows were rejected: skipped, or the reason an all-or-nothing import imported nothing.</summary>
    public const int Rejected = 2;

    /// <summary>The command line is wrong: an unknown option, no API key, no such file (sysexits' EX_USAGE).</summary>
    public const int Usage = 64;

    /// <summary>Ctrl+C: the client stopped; an import already uploaded goes on on the server.</summary>
    public const int Interrupted = 130;
}

/// <summary>
/// The command-line client for scripted imports: <c>workforce import workers|units FILE</c>. Everything it does goes
/// through <see cref="RunAsync"/>, so that tests run it in-process against the API's test server.
/// </summary>
public static class WorkforceCli
{
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="output">Progress, the summary and the rejected rows' location.</param>
    /// <param name="error">Why it did not work.</param>
    /// <param name="handler">How to reach the API (a test server's handler); a fresh socket handler when null.</param>
    /// <param name="environment">Reads environment variables; <see cref="Environment.GetEnvironmentVariable(string)"/> when null.</param>
    /// <param name="terminal">Whether <paramref name="output"/> is a terminal: progress redrawn in place rather than a line now and then.</param>
    /// <returns>One of <see cref="ExitCodes"/>.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, HttpMessageHandler? handler = null,
        Func<string, string?>? environment = null, bool terminal = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ImportOptions? options;
        try
        {
            options = CommandLine.Parse(args, environment ?? Environment.GetEnvironmentVariable);
        }
        catch (UsageException usage)
        {
            await error.WriteLineAsync(args.Length == 0 ? CommandLine.Usage : $"workforce: {usage.Message}\nRun 'workforce --help' for usage.");
            return ExitCodes.Usage;
        }
        if (options is null)
        {
            await output.WriteLineAsync(CommandLine.Usage);
            return ExitCodes.Ok;
        }

        using var api = new ImportsClient(options, handler);
        try
        {
            return await ImportCommand.RunAsync(options, api, output, error, terminal, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("workforce: interrupted.");
            return ExitCodes.Interrupted;
        }
        catch (Exception failure) when (ImportsClient.Describe(failure, options.Api) is { } reason)
        {
            await error.WriteLineAsync($"workforce: {reason}");
            return ExitCodes.Failed;
        }
    }
}
