namespace Workforce.Cli;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        // The first Ctrl+C stops following the import (which goes on on the server) and says so; a second one kills.
        using var interrupted = new CancellationTokenSource();
        Console.CancelKeyPress += (_, press) =>
        {
            press.Cancel = !interrupted.IsCancellationRequested;
            interrupted.Cancel();
        };
        return await WorkforceCli.RunAsync(args, Console.Out, Console.Error, terminal: !Console.IsOutputRedirected,
            cancellationToken: interrupted.Token);
    }
}
