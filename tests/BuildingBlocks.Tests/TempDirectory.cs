namespace Workforce.BuildingBlocks.Tests;

/// <summary>A directory of the test's own under the temp directory, deleted with everything in it (root may delete the postgres user's files).</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = System.IO.Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "workforce-bb-tests", Guid.NewGuid().ToString("N"))).FullName;

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Path))
        {
            System.IO.Directory.Delete(Path, recursive: true);
        }
    }
}
