using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Workforce.BuildingBlocks.Migrations;

namespace Workforce.BuildingBlocks.Tests.Migrations;

/// <summary>The runner against an empty database of its own, with migration files the test writes.</summary>
public sealed class MigrationRunnerTests : IAsyncLifetime
{
    private const string CreateLog = "CREATE TABLE log (id serial PRIMARY KEY, name text NOT NULL);\n";
    private readonly TempDirectory _files = new();
    private ScratchDatabase _db = null!;

    public async Task InitializeAsync() => _db = await ScratchDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        _files.Dispose();
    }

    [Fact]
    public async Task Pending_files_are_applied_in_number_order_and_recorded_with_their_checksums()
    {
        // Each file needs the one before it; the log's serial ids record the order they ran in.
        var files = new Dictionary<string, string>
        {
            ["0010_third.sql"] = "INSERT INTO log (name) VALUES ('third');\n",
            ["0001_first.sql"] = CreateLog + "INSERT INTO log (name) VALUES ('first');\n",
            ["0002_second.sql"] = "INSERT INTO log (name) VALUES ('second');\n",
        };
        foreach (var (name, sql) in files)
        {
            Write(name, sql);
        }

        var applied = await Runner().MigrateAsync();

        Assert.Equal(["0001_first.sql", "0002_second.sql", "0010_third.sql"], applied);
        Assert.Equal(["first", "second", "third"], await _db.QueryAsync<string>("SELECT name FROM log ORDER BY id"));
        var recorded = await _db.QueryAsync<(string Name, string Checksum)>("SELECT name, checksum FROM public.schema_migrations ORDER BY name");
        Assert.Equal(files.OrderBy(f => f.Key).Select(f => (f.Key, Sha256Hex(f.Value))), recorded);
    }

    [Fact]
    public async Task A_second_run_applies_nothing()
    {
        Write("0001_first.sql", CreateLog + "INSERT INTO log (name) VALUES ('first');");
        Write("0002_second.sql", "INSERT INTO log (name) VALUES ('second');");
        await Runner().MigrateAsync();

        var again = await Runner().MigrateAsync();

        Assert.Empty(again);
        Assert.Equal(2, await _db.ScalarAsync<long>("SELECT count(*) FROM log"));
        Assert.Equal(2, await _db.ScalarAsync<long>("SELECT count(*) FROM public.schema_migrations"));
    }

    [Fact]
    public async Task A_failing_file_is_rolled_back_entirely_and_later_files_are_not_applied()
    {
        Write("0001_first.sql", CreateLog);
        Write("0002_breaks.sql", """
            CREATE TABLE half_done (id int);
            INSERT INTO log (name) VALUES ('breaks');
            SELECT 1 / 0;
            """);
        Write("0003_later.sql", "CREATE TABLE later (id int);");

        var error = await Assert.ThrowsAsync<MigrationException>(() => Runner().MigrateAsync());

        Assert.Contains("0002_breaks.sql", error.Message);
        Assert.Equal(["0001_first.sql"], await AppliedAsync());
        Assert.False(await _db.ExistsAsync("half_done"));
        Assert.Equal(0, await _db.ScalarAsync<long>("SELECT count(*) FROM log"));
        Assert.False(await _db.ExistsAsync("later"));
    }

    [Fact]
    public async Task A_file_edited_after_it_was_applied_is_refused()
    {
        Write("0001_first.sql", CreateLog);
        await Runner().MigrateAsync();
        Write("0001_first.sql", CreateLog + "-- a harmless-looking afterthought\n");
        Write("0002_second.sql", "CREATE TABLE second (id int);");

        var runner = Runner();
        var error = await Assert.ThrowsAsync<MigrationException>(() => runner.MigrateAsync());

        Assert.Contains("0001_first.sql", error.Message);
        Assert.Contains((await runner.StatusAsync()).Problems, problem => problem.Contains("0001_first.sql", StringComparison.Ordinal));
        Assert.False(await _db.ExistsAsync("second"));
    }

    [Fact]
    public async Task A_file_applied_but_missing_from_the_directory_is_refused()
    {
        Write("0001_first.sql", CreateLog);
        Write("0002_second.sql", "CREATE TABLE second (id int);");
        await Runner().MigrateAsync();
        File.Delete(_files.Combine("0002_second.sql"));
        Write("0003_third.sql", "CREATE TABLE third (id int);");

        var error = await Assert.ThrowsAsync<MigrationException>(() => Runner().MigrateAsync());

        Assert.Contains("0002_second.sql", error.Message);
        Assert.False(await _db.ExistsAsync("third"));
    }

    [Fact]
    public void Line_endings_do_not_change_the_checksum()
    {
        var lf = MigrationScript.FromText("0001_first.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n");
        var crlf = MigrationScript.FromText("0001_first.sql", "CREATE TABLE a (id int);\r\nCREATE TABLE b (id int);\r\n");
        var changed = MigrationScript.FromText("0001_first.sql", "CREATE TABLE a (id int);\nCREATE TABLE c (id int);\n");

        Assert.Equal(lf.Checksum, crlf.Checksum);
        Assert.NotEqual(lf.Checksum, changed.Checksum);
    }

    [Fact]
    public async Task An_applied_file_saved_again_with_CRLF_line_endings_is_not_an_edit()
    {
        Write("0001_first.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n");
        await Runner().MigrateAsync();
        Write("0001_first.sql", "CREATE TABLE a (id int);\r\nCREATE TABLE b (id int);\r\n");

        var applied = await Runner().MigrateAsync();

        Assert.Empty(applied);
    }

    [Theory]
    [InlineData("1_init.sql")]
    [InlineData("00001_init.sql")]
    [InlineData("0001-init.sql")]
    [InlineData("0001_Init.sql")]
    [InlineData("0001_.sql")]
    [InlineData("0001_directory init.sql")]
    [InlineData("0001_init.SQL")]
    public void Files_whose_names_break_the_pattern_are_refused(string name)
    {
        Write(name, "SELECT 1;");

        var error = Assert.Throws<MigrationException>(() => MigrationScript.LoadDirectory(_files.Path));

        Assert.Contains(name, error.Message);
    }

    [Fact]
    public void Two_files_with_the_same_number_are_refused()
    {
        Write("0001_first.sql", "SELECT 1;");
        Write("0002_second.sql", "SELECT 2;");
        Write("0002_other.sql", "SELECT 3;");

        var error = Assert.Throws<MigrationException>(() => MigrationScript.LoadDirectory(_files.Path));

        Assert.Contains("0002_second.sql", error.Message);
        Assert.Contains("0002_other.sql", error.Message);
    }

    [Fact]
    public async Task Runners_started_together_take_turns_and_apply_each_file_once()
    {
        // Not idempotent on purpose: a file applied twice would fail on its CREATE TABLE or add a second row.
        Write("0001_first.sql", "CREATE TABLE runs (file text NOT NULL);\nINSERT INTO runs VALUES ('0001');");
        Write("0002_slow.sql", "SELECT pg_sleep(0.3);\nINSERT INTO runs VALUES ('0002');");
        Write("0003_third.sql", "INSERT INTO runs VALUES ('0003');");
        await using var first = _db.NewDataSource();
        await using var second = _db.NewDataSource();

        var results = await Task.WhenAll(Runner(first).MigrateAsync(), Runner(second).MigrateAsync());

        Assert.Equal(["0001_first.sql", "0002_slow.sql", "0003_third.sql"], results.SelectMany(applied => applied).Order());
        Assert.Equal(["0001", "0002", "0003"], await _db.QueryAsync<string>("SELECT file FROM runs ORDER BY file"));
    }

    [Fact]
    public async Task Status_reports_the_files_not_yet_applied()
    {
        Write("0001_first.sql", CreateLog);
        Write("0002_second.sql", "CREATE TABLE second (id int);");

        var untouched = await Runner().StatusAsync();
        await Runner().MigrateAsync();
        var migrated = await Runner().StatusAsync();
        Write("0003_third.sql", "CREATE TABLE third (id int);");
        var behind = await Runner().StatusAsync();

        Assert.Equal(["0001_first.sql", "0002_second.sql"], untouched.Pending);
        Assert.False(untouched.UpToDate);
        Assert.True(migrated.UpToDate);
        Assert.Equal(["0003_third.sql"], behind.Pending);
        Assert.Empty(behind.Problems);
        Assert.False(behind.UpToDate);
    }

    private void Write(string name, string sql) => File.WriteAllText(_files.Combine(name), sql);

    private MigrationRunner Runner(NpgsqlDataSource? dataSource = null) =>
        new(dataSource ?? _db.DataSource, MigrationScript.LoadDirectory(_files.Path), NullLogger<MigrationRunner>.Instance);

    private Task<IReadOnlyList<string>> AppliedAsync() => _db.QueryAsync<string>("SELECT name FROM public.schema_migrations ORDER BY name");

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
