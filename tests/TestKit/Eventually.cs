using System.Diagnostics;
using Xunit;

namespace Workforce.TestKit;

/// <summary>
/// Waits for something the application does in the background (a webhook sent, a delivery retried) by checking again
/// and again, never by sleeping a guessed time. The patience is generous, for a loaded machine; a test that runs out
/// of it fails saying what it waited for and what it saw last.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(25);

    /// <summary>Until <paramref name="condition"/> holds; <paramref name="seen"/> describes the state for the failure message.</summary>
    public static async Task UntilAsync(string what, Func<Task<bool>> condition, Func<Task<string>>? seen = null, TimeSpan? patience = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > (patience ?? Patience))
            {
                Assert.Fail($"Gave up after {clock.Elapsed.TotalSeconds:0.#} s waiting for {what}." + (seen is null ? "" : $" Last seen: {await seen()}"));
            }
            await Task.Delay(Interval);
        }
    }

    /// <summary>Until <paramref name="probe"/> gives a value that <paramref name="done"/> accepts; returns that value.</summary>
    public static async Task<T> ForAsync<T>(string what, Func<Task<T>> probe, Func<T, bool> done, Func<T, string>? describe = null, TimeSpan? patience = null)
    {
        var last = default(T);
        await UntilAsync(what, async () => done(last = await probe()),
            () => Task.FromResult(last is null ? "nothing" : describe?.Invoke(last) ?? last.ToString() ?? ""), patience);
        return last!;
    }
}
