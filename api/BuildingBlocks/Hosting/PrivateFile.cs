namespace Workforce.BuildingBlocks.Hosting;

/// <summary>Files holding secrets (passwords, keys) are readable by their owner only.</summary>
public static class PrivateFile
{
    public static void Write(string path, string contents)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, contents);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
