using System.Text.RegularExpressions;
using Workforce.BuildingBlocks.Security;

namespace Workforce.Architecture.Tests;

/// <summary>A module's SQL, in its code and in its migrations, stays inside the module's own Postgres schema.</summary>
public partial class SqlSchemaTests
{
    /// <summary>
    /// Every place the text names a schema other than its own (the public schema included): a qualified name
    /// (<c>congress.sessions</c>, <c>"congress"."sessions"</c>), a <c>SCHEMA congress</c> clause or a search_path.
    /// In C# text only a lowercase schema counts, not after a dot, a word character or a quote, and followed by a dot and a
    /// lowercase name, so that <c>Workforce.Congress.Contracts</c> and <c>Congress.Contracts.GetSession</c> do not.
    /// </summary>
    internal static IReadOnlyList<string> Violations(string file, string text, string ownSchema, IEnumerable<string> schemas, bool ignoreCase)
    {
        var foreign = string.Join('|', schemas.Append("public").Where(schema => schema != ownSchema).Distinct().Select(Regex.Escape));
        var schema = $$"""("?\b(?:{{foreign}})\b"?)""";
        var pattern = $$"""
            (?<![\w."]) {{schema}} \. "?[a-z_][a-z0-9_]*"?                        # congress.sessions, "congress"."sessions"
            | (?i: \b schema \s+ (?: if \s+ (?:not \s+)? exists \s+ )? ) {{schema}}  # CREATE SCHEMA congress, IN SCHEMA congress
            | (?i: \b search_path \b [^;\n]*? ) {{schema}}                           # SET search_path TO congress
            """;
        var options = RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        return Regex.Matches(text, pattern, options)
            .Select(match => $"{file}:{text.AsSpan(0, match.Index).Count('\n') + 1} names {match.Value}, outside the {ownSchema} schema.")
            .ToList();
    }

    /// <summary>SQL files have no C# names to confuse, and Postgres folds unquoted names to lowercase: match any case.</summary>
    internal static IReadOnlyList<string> MigrationViolations(string file, string sql, IReadOnlyCollection<string> schemas) =>
        MigrationName().Match(Path.GetFileName(file)) is { Success: true } name && OwnsMigrations(name.Groups["module"].Value, schemas)
            ? Violations(file, sql, name.Groups["module"].Value, schemas, ignoreCase: true)
            : [$"{file} is not named NNNN_<module>_<what>.sql after a module (or {Repository.SharedSchema}, for BuildingBlocks)."];

    private static bool OwnsMigrations(string owner, IReadOnlyCollection<string> schemas) => owner == Repository.SharedSchema || schemas.Contains(owner);

    [GeneratedRegex(@"^\d{4}_(?<module>[a-z]+)_")]
    private static partial Regex MigrationName();

    private static IReadOnlyList<string> CodeViolations(ModuleProject module) => module.Sources
        .SelectMany(source => Violations(source.File, WithoutPermissionNames(WithoutComments(source.Text), DeclaredPermissions), module.Schema, Repository.Schemas, ignoreCase: false))
        .ToList();

    private static IReadOnlySet<string> DeclaredPermissions { get; } = new PermissionCatalog(HostModulesTests.HostModules).All;

    /// <summary>A permission's name, quoted whole (<c>"directory.workers.read"</c>, which Access asks the actor for), is no SQL either.</summary>
    internal static string WithoutPermissionNames(string code, IReadOnlySet<string> permissions) =>
        QuotedName().Replace(code, quoted => permissions.Contains(quoted.Groups["name"].Value) ? "\"\"" : quoted.Value);

    [GeneratedRegex("\"(?<name>[a-z_.]+)\"")]
    private static partial Regex QuotedName();

    /// <summary>Comment lines are prose (a permission such as directory.workers.read is no SQL); their line numbers are kept.</summary>
    internal static string WithoutComments(string code) =>
        string.Join('\n', code.Split('\n').Select(line => line.TrimStart().StartsWith("//", StringComparison.Ordinal) ? "" : line));

    [Fact]
    public void Module_code_names_no_other_module_schema() => Rules.AssertNone(Repository.Modules.SelectMany(CodeViolations));

    [Fact]
    public void Migrations_touch_only_their_own_module_schema() => Rules.AssertNone(System.IO.Directory
        .EnumerateFiles(Repository.MigrationsFolder, "*.sql")
        .Order(StringComparer.Ordinal)
        .SelectMany(file => MigrationViolations(Repository.Relative(file), File.ReadAllText(file), Repository.Schemas)));

    [Fact]
    public void Schema_rule_reports_module_code_that_names_another_module_schema() => Rules.AssertExactly(
        ["tests/Architecture.Tests.Violations/GetSessionHandler.cs:19 names congress.sessions, outside the violations schema."],
        CodeViolations(Repository.Violations));

    [Theory]
    [InlineData("SELECT id FROM congress.sessions WHERE tenant_id = @Tenant", "congress.sessions")]
    [InlineData("JOIN \"rights\".\"cases\" c ON c.id = w.case_id", "\"rights\".\"cases\"")]
    [InlineData("(SELECT count(*) FROM training.enrolments e)", "training.enrolments")]
    [InlineData("SELECT name FROM public.schema_migrations", "public.schema_migrations")]
    [InlineData("CREATE SCHEMA IF NOT EXISTS access;", "SCHEMA IF NOT EXISTS access")]
    [InlineData("SET search_path TO directory, proposals", "search_path TO directory, proposals")]
    public void Schema_rule_reports_sql_naming_another_schema(string code, string named) => Rules.AssertExactly(
        [$"Sample.cs:1 names {named}, outside the directory schema."],
        Violations("Sample.cs", code, "directory", Repository.Schemas, ignoreCase: false));

    [Theory]
    [InlineData("using Workforce.Congress.Contracts;")]
    [InlineData("namespace Workforce.Training.Courses;")]
    [InlineData("var session = await mediator.Send(new Congress.Contracts.GetSession(id), ct);")]
    [InlineData("if (access.IsGranted) { return rights.Count; }")]
    [InlineData("SELECT t.id FROM directory.congress_terms t WHERE t.number = @Number")]
    [InlineData("AddConstraintProblem(\"congress_terms_number_key\", ...)")]
    [InlineData("-- one schema per module; access checks come later")]
    public void Schema_rule_ignores_csharp_names_and_the_own_schema(string code) =>
        Rules.AssertNone(Violations("Sample.cs", code, "directory", Repository.Schemas, ignoreCase: false));

    [Fact]
    public void Migration_rule_reports_another_schema_in_any_case() => Rules.AssertExactly(
        ["db-migrations/0002_directory_leak.sql:2 names CONGRESS.SESSIONS, outside the directory schema.",
         "db-migrations/0002_directory_leak.sql:3 names SCHEMA training, outside the directory schema."],
        MigrationViolations("db-migrations/0002_directory_leak.sql",
            "CREATE TABLE directory.leaks (id uuid PRIMARY KEY,\n session_id uuid REFERENCES CONGRESS.SESSIONS (id));\nCREATE SCHEMA training;",
            Repository.Schemas));

    [Fact]
    public void Migration_rule_accepts_its_own_schema_and_csharp_names_in_comments() => Rules.AssertNone(
        MigrationViolations("db-migrations/0002_directory_roster.sql",
            "-- Read by Workforce.Congress.Contracts.GetRoster callers.\nCREATE INDEX terms_by_number ON directory.congress_terms (tenant_id, number);",
            Repository.Schemas));

    [Fact]
    public void Migration_rule_reports_a_file_not_named_after_a_module() => Rules.AssertExactly(
        ["db-migrations/0002_common_outbox.sql is not named NNNN_<module>_<what>.sql after a module (or shared, for BuildingBlocks)."],
        MigrationViolations("db-migrations/0002_common_outbox.sql", "CREATE TABLE common.outbox (id uuid);", Repository.Schemas));

    [Fact]
    public void Migration_rule_keeps_the_shared_schema_to_itself() => Rules.AssertExactly(
        ["db-migrations/0002_shared_leak.sql:1 names directory.workers, outside the shared schema."],
        MigrationViolations("db-migrations/0002_shared_leak.sql", "CREATE VIEW shared.people AS SELECT * FROM directory.workers;", Repository.Schemas));

    [Fact]
    public void Modules_may_attach_their_tables_to_the_shared_audit_trail() => Rules.AssertNone(
        MigrationViolations("db-migrations/0002_directory_audit.sql", "SELECT shared.track_changes('directory.workers');", Repository.Schemas));

    [Fact]
    public void Schema_rule_ignores_a_permission_s_name_but_not_sql_of_that_schema() => Rules.AssertExactly(
        ["Sample.cs:2 names directory.workers, outside the access schema."],
        Violations("Sample.cs", WithoutPermissionNames("actor.Has(\"directory.workers.read\");\nvar sql = \"SELECT 1 FROM directory.workers w\";", new HashSet<string> { "directory.workers.read" }),
            "access", Repository.Schemas, ignoreCase: false));

    [Fact]
    public void Schema_rule_ignores_comment_lines_but_not_the_code_after_them() => Rules.AssertExactly(
        ["Sample.cs:2 names congress.sessions, outside the directory schema."],
        Violations("Sample.cs", WithoutComments("/// Needs directory.workers.read or congress.sessions.read.\nvar sql = \"SELECT 1 FROM congress.sessions s\";"),
            "directory", Repository.Schemas, ignoreCase: false));
}
