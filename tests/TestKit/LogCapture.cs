using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Workforce.TestKit;

/// <summary>Everything the application logs while a test runs, with the scopes around each line, for tests of what is (never) logged.</summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<CapturedLog> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new List<KeyValuePair<string, object?>>();
            capture._scopes.ForEachScope((scope, list) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    list.AddRange(pairs);
                }
            }, values);
            if (state is IEnumerable<KeyValuePair<string, object?>> properties)
            {
                values.AddRange(properties);
            }
            capture._entries.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), exception?.ToString(), values));
        }
    }
}

public sealed record CapturedLog(string Category, LogLevel Level, string Message, string? Exception, IReadOnlyList<KeyValuePair<string, object?>> Values)
{
    /// <summary>The line as a log sink would store it: message, exception and every scope and state value.</summary>
    public string Text => string.Join(" | ", Values.Select(v => $"{v.Key}={v.Value}").Prepend(Exception ?? "").Prepend(Message));
}
