namespace Workforce.TestKit;

/// <summary>
/// The server's clock, held at a moment a test chooses and running normally otherwise. Every <see cref="WorkforceApi"/>
/// runs on one (<see cref="WorkforceApi.Clock"/>). Accounts sign in while it runs normally; choose moments in the past
/// (or less than a session's lifetime ahead), so their sessions stay valid.
/// </summary>
public sealed class TestClock : TimeProvider
{
    public DateTimeOffset? Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now?.ToUniversalTime() ?? base.GetUtcNow();

    /// <summary>Holds the clock at <paramref name="moment"/> until the result is disposed, then lets it run again.</summary>
    public IDisposable At(DateTimeOffset moment)
    {
        Now = moment;
        return new Release(this);
    }

    private sealed class Release(TestClock clock) : IDisposable
    {
        public void Dispose() => clock.Now = null;
    }
}
