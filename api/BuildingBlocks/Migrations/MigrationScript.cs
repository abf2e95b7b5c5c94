using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Workforce.BuildingBlocks.Migrations;

/// <summary>One numbered SQL file from <c>db-migrations/</c>, e.g. <c>0001_directory_init.sql</c>.</summary>
public sealed partial record MigrationScript(int Number, string Name, string Sql, string Checksum)
{
    [GeneratedRegex(@"^(?<number>\d{4})_[a-z0-9_]+\.sql$")]
    private static partial Regex FileName();

    public static MigrationScript FromText(string name, string text)
    {
        var match = FileName().Match(name);
        if (!match.Success)
        {
            throw new MigrationException($"{name} is not a migration name: use four digits, an underscore and lowercase words, e.g. 0002_directory_add_posts.sql.");
        }
        var sql = text.TrimStart('\uFEFF').ReplaceLineEndings("\n");
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
        return new MigrationScript(int.Parse(match.Groups["number"].Value), name, sql, checksum);
    }

    /// <summary>Every SQL file of the directory in number order; a misnamed file or a repeated number is refused, never skipped.</summary>
    public static IReadOnlyList<MigrationScript> LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new MigrationException($"The migrations directory {directory} does not exist.");
        }
        var scripts = Directory.EnumerateFiles(directory)
            .Where(path => path.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
            .Select(path => FromText(Path.GetFileName(path), File.ReadAllText(path, Encoding.UTF8)))
            .OrderBy(script => script.Number)
            .ToList();
        var repeated = scripts.GroupBy(s => s.Number).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new MigrationException($"Migrations {string.Join(" and ", repeated.Select(s => s.Name))} share the number {repeated.Key:D4}.");
        }
        return scripts;
    }
}

public sealed class MigrationException(string message, Exception? inner = null) : Exception(message, inner);
