using System.Globalization;

namespace Workforce.Cli;

/// <summary>
/// <c>workforce import workers|units FILE</c>: uploads the file under a progress bar in bytes, follows the job under
/// one in phases until it ends, prints what it did (for a dry run, what it would do) and, when rows were rejected,
/// saves them with their reasons next to the file as FILE.rejected.csv.
/// </summary>
internal static class ImportCommand
{
    /// <summary>How many polls in a row may fail (the network, a 503) before the client stops following.</summary>
    private const int TriesPerPoll = 5;

    public static async Task<int> RunAsync(ImportOptions options, ImportsClient api, TextWriter output, TextWriter error, bool terminal, CancellationToken ct)
    {
        var file = new FileInfo(options.File);
        if (!file.Exists)
        {
            await error.WriteLineAsync($"workforce: there is no file '{options.File}'.");
            return ExitCodes.Usage;
        }
        await output.WriteLineAsync(
            $"Importing {options.Kind} from {file.Name} ({Size(file.Length)}) into {options.Api}: " +
            $"{(options.Mode == "skipInvalid" ? "skipping invalid rows" : "all or nothing")}{(options.DryRun ? ", dry run" : "")}.");

        var bar = new ProgressBar(output, terminal);
        ImportJob job;
        try
        {
            job = await api.StartAsync(options, file, sent => bar.Show("uploading", Percent(sent, file.Length), $"{Size(sent)} of {Size(file.Length)}"), ct);
        }
        finally
        {
            bar.End();
        }
        await output.WriteLineAsync($"Import {job.Id}: {Rows(job.RowsRead)} read.");

        try
        {
            job = await FollowAsync(api, job, bar, options.PollInterval, ct);
        }
        catch (Exception failure) when ((ct.IsCancellationRequested ? "stopped following it" : ImportsClient.Describe(failure, options.Api)) is { } reason)
        {
            bar.End();
            await error.WriteLineAsync($"workforce: {reason}\nImport {job.Id} goes on on the server; follow it at {api.JobUrl(job.Id)}");
            return ct.IsCancellationRequested ? ExitCodes.Interrupted : ExitCodes.Failed;
        }
        return await ReportAsync(job, file, api, output, error, ct);
    }

    private static async Task<ImportJob> FollowAsync(ImportsClient api, ImportJob job, ProgressBar bar, TimeSpan interval, CancellationToken ct)
    {
        var failures = 0;
        while (!job.Finished)
        {
            bar.Show(job.Phase, job.Percent, Rows(job.RowsRead));
            await Task.Delay(interval * (failures + 1), ct);
            try
            {
                job = await api.GetAsync(job.Id, ct);
                failures = 0;
            }
            catch (Exception failure) when (ImportsClient.IsTransient(failure) && ++failures < TriesPerPoll)
            {
            }
        }
        bar.Show(job.Phase, job.Percent, Rows(job.RowsRead));
        bar.End();
        return job;
    }

    private static async Task<int> ReportAsync(ImportJob job, FileInfo file, ImportsClient api, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (job.Phase == "failed")
        {
            await error.WriteLineAsync($"workforce: import {job.Id} failed: {job.Error}");
            return ExitCodes.Failed;
        }
        var refused = !job.Merged && !job.DryRun;
        await output.WriteLineAsync(
            job.Merged ? $"Import {job.Id} completed."
            : job.DryRun ? "Dry run: nothing was changed. Imported, the file would give:"
            : $"Nothing was imported: the import is all or nothing and rejected {Rows(job.RowsRejected)}.");
        var (be, stay) = job.Merged ? ("", "") : ("would be ", "would stay ");
        var counts = new List<(string, int)> { ("rows read", job.RowsRead), ("valid", job.RowsValid), ("rejected", job.RowsRejected) };
        if (!refused)
        {
            counts.AddRange([($"{be}created", job.Created), ($"{be}updated", job.Updated), ($"{stay}unchanged", job.Unchanged)]);
        }
        foreach (var (label, value) in counts)
        {
            await output.WriteLineAsync($"  {label,-20}{Count(value),10}");
        }
        if (job.RowsRejected == 0)
        {
            return ExitCodes.Ok;
        }

        // The exit status speaks of the import; a download that fails is said on stderr, with where the rows are.
        var path = file.FullName + ".rejected.csv";
        try
        {
            await api.DownloadRejectedRowsAsync(job.Id, path, ct);
            await output.WriteLineAsync($"Rejected rows, with the reason for each: {path}");
        }
        catch (Exception failure) when (ImportsClient.Describe(failure, api.JobUrl(job.Id)) is { } reason)
        {
            await error.WriteLineAsync($"workforce: the rejected rows could not be saved: {reason}\nThey are at {api.JobUrl(job.Id)}/rejected");
        }
        if (refused)
        {
            await output.WriteLineAsync("Fix them and import the file again, or import the valid rows alone with --mode skip-invalid.");
        }
        return ExitCodes.Rejected;
    }

    private static int Percent(long part, long whole) => whole == 0 ? 100 : (int)(part * 100 / whole);

    private static string Rows(int count) => count == 1 ? "1 row" : $"{Count(count)} rows";

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0 KB", CultureInfo.InvariantCulture),
        _ => (bytes / 1024.0 / 1024.0).ToString("0.0 MB", CultureInfo.InvariantCulture),
    };
}
