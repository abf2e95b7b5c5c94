using System.Runtime.CompilerServices;
using Dapper;
using Npgsql;

namespace Workforce.BuildingBlocks.Data;

/// <summary>
/// The request's connection to PostgreSQL. Commands run inside the transaction that
/// <see cref="Mediator.TransactionBehavior{TRequest,TResponse}"/> opens; queries run without one.
/// Every call goes through a <see cref="CommandDefinition"/> carrying the transaction and the cancellation token.
/// A statement that names <c>@Now</c> without passing it gets <see cref="Now"/>: time is the injected clock's, never
/// the database's <c>now()</c>.
/// </summary>
public sealed class DbSession(NpgsqlDataSource dataSource, TimeProvider? clock = null) : IAsyncDisposable
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private NpgsqlConnection? _connection;
    private DateTimeOffset _transactionNow;
    private readonly List<Func<CancellationToken, Task>> _beforeCommit = [];
    private readonly List<Action> _afterCommit = [];

    public NpgsqlTransaction? Transaction { get; private set; }

    /// <summary>The instant of the open transaction, taken from the clock as it began (as SQL's <c>now()</c> is); outside one, the clock's.</summary>
    public DateTimeOffset Now => Transaction is null ? _clock.GetUtcNow() : _transactionNow;

    /// <summary>How long one command may run; null keeps the connection's default (30 s). Background jobs raise it.</summary>
    public TimeSpan? CommandTimeout { get; set; }

    public async ValueTask<NpgsqlConnection> ConnectionAsync(CancellationToken ct)
    {
        if (_connection is null)
        {
            _connection = await dataSource.OpenConnectionAsync(ct);
        }
        return _connection;
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? param, CancellationToken ct)
    {
        var connection = await ConnectionAsync(ct);
        var rows = await connection.QueryAsync<T>(Define(sql, param, ct));
        return rows.AsList();
    }

    /// <summary>Rows one at a time as the server sends them, for answers too large to hold (a download of millions of rows).</summary>
    public async IAsyncEnumerable<T> StreamAsync<T>(string sql, object? param, [EnumeratorCancellation] CancellationToken ct)
    {
        var connection = await ConnectionAsync(ct);
        await foreach (var row in connection.QueryUnbufferedAsync<T>(sql, WithNow(sql, param), Transaction, (int?)CommandTimeout?.TotalSeconds).WithCancellation(ct))
        {
            yield return row;
        }
    }

    public async Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? param, CancellationToken ct)
    {
        var connection = await ConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<T>(Define(sql, param, ct));
    }

    public async Task<T> QuerySingleAsync<T>(string sql, object? param, CancellationToken ct)
    {
        var connection = await ConnectionAsync(ct);
        return await connection.QuerySingleAsync<T>(Define(sql, param, ct));
    }

    public async Task<T?> ExecuteScalarAsync<T>(string sql, object? param, CancellationToken ct)
    {
        var connection = await ConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<T>(Define(sql, param, ct));
    }

    public async Task<int> ExecuteAsync(string sql, object? param, CancellationToken ct)
    {
        var connection = await ConnectionAsync(ct);
        return await connection.ExecuteAsync(Define(sql, param, ct));
    }

    /// <summary>Work to do inside the open transaction just before it commits, after everything else (the outbox's writes).</summary>
    public void BeforeCommit(Func<CancellationToken, Task> action) => _beforeCommit.Add(action);

    /// <summary>Work to do once the open transaction has committed (at once outside a transaction); skipped when it rolls back.</summary>
    public void AfterCommit(Action action)
    {
        if (Transaction is null)
        {
            action();
        }
        else
        {
            _afterCommit.Add(action);
        }
    }

    /// <summary>Runs <paramref name="work"/> in a transaction, or inside the one already open (a command sent by a command).</summary>
    public async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        if (Transaction is not null)
        {
            return await work();
        }

        var connection = await ConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        _transactionNow = _clock.GetUtcNow();
        Transaction = transaction;
        try
        {
            // Column defaults stamp rows by this instant too (shared.clock_now(), db-migrations/0027).
            await ExecuteAsync("SELECT set_config('workforce.now', @Now::text, true)", new { Now = _transactionNow }, ct);
            var result = await work();
            foreach (var action in _beforeCommit)
            {
                await action(ct);
            }
            await transaction.CommitAsync(ct);
            Transaction = null;
            foreach (var action in _afterCommit)
            {
                action();
            }
            return result;
        }
        finally
        {
            Transaction = null;
            _beforeCommit.Clear();
            _afterCommit.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    private CommandDefinition Define(string sql, object? param, CancellationToken ct) =>
        new(sql, WithNow(sql, param), Transaction, (int?)CommandTimeout?.TotalSeconds, cancellationToken: ct);

    private object? WithNow(string sql, object? param)
    {
        // Parameters built as DynamicParameters pass their own Now: a template inside them cannot be looked into.
        if (!sql.Contains("@Now", StringComparison.Ordinal) || param is DynamicParameters || param?.GetType().GetProperty("Now") is not null)
        {
            return param;
        }
        var parameters = new DynamicParameters(param);
        parameters.Add("Now", Now);
        return parameters;
    }
}
