using System.Text.Json.Nodes;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workforce.BuildingBlocks.Data;
using Workforce.BuildingBlocks.Errors;
using Workforce.BuildingBlocks.Mediator;
using Workforce.BuildingBlocks.Security;

namespace Workforce.BuildingBlocks.Tests.Mediator;

/// <summary>The mediator as the Host wires it, over a scratch database and the commands below.</summary>
public sealed class TransactionBehaviorTests : IAsyncLifetime
{
    private static readonly ProblemCode NoteTaken = new(409, "note_taken", new("Another note has this text.", "已有相同内容的便条。"));
    private static readonly ProblemCode ChangedMind = new(409, "changed_mind", new("The handler refused after it had written.", "处理程序写入后又拒绝了。"));

    private ScratchDatabase _db = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _db = await ScratchDatabase.CreateAsync();
        await _db.ExecuteAsync("CREATE TABLE notes (id int CONSTRAINT notes_pkey PRIMARY KEY, text text NOT NULL CONSTRAINT notes_text_key UNIQUE)");
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(_db.DataSource)
            .AddScoped<DbSession>()
            .AddSingleton(new PermissionCatalog([]))
            .AddScoped<CurrentActor>()
            .AddSingleton<ConstraintProblems>()
            .AddConstraintProblem("notes_text_key", () => NoteTaken.With())
            .AddSingleton<Attempts>()
            .AddMediator([typeof(TransactionBehaviorTests).Assembly])
            .BuildServiceProvider(validateScopes: true);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task A_command_that_succeeds_is_committed()
    {
        await SendAsync(new AddNote(1, "kept"));

        Assert.Equal(["kept"], await NotesAsync());
    }

    [Fact]
    public async Task A_command_whose_handler_throws_after_writing_leaves_nothing()
    {
        var error = await Assert.ThrowsAsync<ProblemException>(() => SendAsync(new AddNote(1, "written, then regretted", ThenFail: true)));

        Assert.Equal("changed_mind", error.Code);
        Assert.Empty(await NotesAsync());
    }

    [Fact]
    public async Task A_command_sent_by_a_command_joins_its_transaction_and_is_rolled_back_with_it()
    {
        await Assert.ThrowsAsync<ProblemException>(() => SendAsync(new AddTwoNotes(1, 2)));

        Assert.Empty(await NotesAsync());
    }

    [Fact]
    public async Task A_command_runs_in_a_transaction_and_a_query_does_not()
    {
        Assert.True(await SendAsync(new CommandSeesTransaction()));
        Assert.False(await SendAsync(new QuerySeesTransaction()));
    }

    [Fact]
    public async Task A_declared_constraint_violation_becomes_its_problem()
    {
        await SendAsync(new AddNote(1, "same"));

        var error = await Assert.ThrowsAsync<ProblemException>(() => SendAsync(new AddNote(2, "same")));

        Assert.Equal(409, error.Status);
        Assert.Equal("note_taken", error.Code);
        Assert.Equal(["same"], await NotesAsync());
    }

    [Fact]
    public async Task An_undeclared_constraint_violation_is_not_disguised()
    {
        await SendAsync(new AddNote(1, "first"));

        var error = await Assert.ThrowsAsync<PostgresException>(() => SendAsync(new AddNote(1, "second")));

        Assert.Equal("notes_pkey", error.ConstraintName);
    }

    [Fact]
    public async Task A_serialization_failure_repeats_the_whole_command_from_a_clean_slate()
    {
        await SendAsync(new AddNoteAfterOneSerializationFailure(1, "once"));

        Assert.Equal(2, _services.GetRequiredService<Attempts>().Count);
        Assert.Equal(["once"], await NotesAsync());
    }

    [Fact]
    public async Task A_command_tells_the_audit_trail_who_acts_and_in_which_operation()
    {
        var tenant = Guid.CreateVersion7();

        var context = JsonNode.Parse(await SendAsync(new ReadAuditContext(), actor => actor.ActAsSystem(tenant)))!;

        Assert.Equal("system", context["actorType"]!.GetValue<string>());
        Assert.Equal("ReadAuditContext", context["operation"]!.GetValue<string>());
        Assert.Equal("request-7", context["requestId"]!.GetValue<string>());
    }

    private async Task<T> SendAsync<T>(IRequest<T> request, Action<CurrentActor>? actAs = null)
    {
        await using var scope = _services.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<CurrentActor>();
        actor.RequestId = "request-7";
        actAs?.Invoke(actor);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    private sealed record ReadAuditContext : ICommand<string>;

    private sealed class ReadAuditContextHandler(DbSession db) : IRequestHandler<ReadAuditContext, string>
    {
        public async Task<string> Handle(ReadAuditContext request, CancellationToken cancellationToken) =>
            (await db.ExecuteScalarAsync<string>("SELECT current_setting('workforce.audit')", null, cancellationToken))!;
    }

    private Task<IReadOnlyList<string>> NotesAsync() => _db.QueryAsync<string>("SELECT text FROM notes ORDER BY id");

    private const string InsertNote = "INSERT INTO notes (id, text) VALUES (@Id, @Text)";

    private sealed record AddNote(int Id, string Text, bool ThenFail = false) : ICommand<int>;

    private sealed class AddNoteHandler(DbSession db) : IRequestHandler<AddNote, int>
    {
        public async Task<int> Handle(AddNote request, CancellationToken cancellationToken)
        {
            await db.ExecuteAsync(InsertNote, new { request.Id, request.Text }, cancellationToken);
            return request.ThenFail
                ? throw ChangedMind.With()
                : request.Id;
        }
    }

    private sealed record AddTwoNotes(int FirstId, int SecondId) : ICommand<int>;

    private sealed class AddTwoNotesHandler(DbSession db, IMediator mediator) : IRequestHandler<AddTwoNotes, int>
    {
        public async Task<int> Handle(AddTwoNotes request, CancellationToken cancellationToken)
        {
            await db.ExecuteAsync(InsertNote, new { Id = request.FirstId, Text = "outer" }, cancellationToken);
            await mediator.Send(new AddNote(request.SecondId, "inner"), cancellationToken);
            throw ChangedMind.With();
        }
    }

    private sealed record CommandSeesTransaction : ICommand<bool>;

    private sealed class CommandSeesTransactionHandler(DbSession db) : IRequestHandler<CommandSeesTransaction, bool>
    {
        public Task<bool> Handle(CommandSeesTransaction request, CancellationToken cancellationToken) => Task.FromResult(db.Transaction is not null);
    }

    private sealed record QuerySeesTransaction : IQuery<bool>;

    private sealed class QuerySeesTransactionHandler(DbSession db) : IRequestHandler<QuerySeesTransaction, bool>
    {
        public Task<bool> Handle(QuerySeesTransaction request, CancellationToken cancellationToken) => Task.FromResult(db.Transaction is not null);
    }

    private sealed class Attempts
    {
        public int Count;
    }

    private sealed record AddNoteAfterOneSerializationFailure(int Id, string Text) : ICommand<int>;

    private sealed class AddNoteAfterOneSerializationFailureHandler(DbSession db, Attempts attempts)
        : IRequestHandler<AddNoteAfterOneSerializationFailure, int>
    {
        public async Task<int> Handle(AddNoteAfterOneSerializationFailure request, CancellationToken cancellationToken)
        {
            await db.ExecuteAsync(InsertNote, new { request.Id, request.Text }, cancellationToken);
            if (Interlocked.Increment(ref attempts.Count) == 1)
            {
                throw new PostgresException("could not serialize access due to concurrent update", "ERROR", "ERROR",
                    PostgresErrorCodes.SerializationFailure);
            }
            return request.Id;
        }
    }
}
