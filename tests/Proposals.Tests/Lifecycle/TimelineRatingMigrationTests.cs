using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Workforce.BuildingBlocks.Migrations;

namespace Workforce.Proposals.Tests.Lifecycle;

/// <summary>
/// The real migrations up to the timeline's rating field, rating steps whose notes carry the rating packed in front, then
/// the rest: each rating moves into its field and the comment stays the note, every other note as it was.
/// </summary>
public sealed class TimelineRatingMigrationTests : IAsyncLifetime
{
    /// <summary>0024_proposals_timeline_rating.sql.</summary>
    private const int RatingMigration = 24;

    private readonly IReadOnlyList<MigrationScript> _scripts = MigrationScript.LoadDirectory(TestPostgres.MigrationsDirectory);
    private ScratchDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await ScratchDatabase.CreateAsync();
        await Runner(_scripts.Where(s => s.Number < RatingMigration)).MigrateAsync();
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task Packed_ratings_move_into_their_field_and_every_other_note_stays_as_written()
    {
        (string Action, string? Note, string? Rating, string? Kept)[] steps =
        [
            ("rated", "satisfied", "satisfied", null),
            ("rated", "basicallySatisfied: 降温设施尚未全部到位", "basicallySatisfied", "降温设施尚未全部到位"),
            ("reopened", "unsatisfied: 设备仍未更换\n请再核实: 第二条", "unsatisfied", "设备仍未更换\n请再核实: 第二条"),
            ("rated", "满意", null, "满意"),
            ("rated", "satisfiedly: x", null, "satisfiedly: x"),
            ("answered", "satisfied: 已答复", null, "satisfied: 已答复"),
            ("closed", null, null, null),
        ];
        var tenant = Guid.CreateVersion7();
        var ids = steps.Select(_ => Guid.CreateVersion7()).ToList();
        await using (var connection = await _db.DataSource.OpenConnectionAsync())
        {
            // Replica: the rows stand alone, without their proposal (foreign key) or an acting user (audit trail).
            await using (var replica = new NpgsqlCommand("SET session_replication_role = replica", connection))
            {
                await replica.ExecuteNonQueryAsync();
            }
            for (var i = 0; i < steps.Length; i++)
            {
                await using var insert = new NpgsqlCommand(
                    """
                    INSERT INTO proposals.timeline (tenant_id, id, proposal_id, action, from_status, to_status, actor_name, note)
                    VALUES (@Tenant, @Id, gen_random_uuid(), @Action, 'answered', 'rated', '王建', @Note)
                    """, connection)
                {
                    Parameters = { new("Tenant", tenant), new("Id", ids[i]), new("Action", steps[i].Action), new("Note", (object?)steps[i].Note ?? DBNull.Value) },
                };
                await insert.ExecuteNonQueryAsync();
            }
        }

        Assert.Equal("0024_proposals_timeline_rating.sql", (await Runner(_scripts).MigrateAsync()).First());

        for (var i = 0; i < steps.Length; i++)
        {
            var rows = await _db.QueryAsync<(string? Rating, string? Note)>($"SELECT rating, note FROM proposals.timeline WHERE id = '{ids[i]}'");
            Assert.Equal((steps[i].Rating, steps[i].Kept), rows.Single());
        }
    }

    private MigrationRunner Runner(IEnumerable<MigrationScript> scripts) => new(_db.DataSource, scripts.ToList(), NullLogger<MigrationRunner>.Instance);
}
