namespace Workforce.Directory;

/// <summary>The permissions Directory's endpoints require; who gets them is declared in <see cref="DirectoryModule"/>.</summary>
internal static class DirectoryPermissions
{
    public const string OrganisationsRead = "directory.organisations.read";
    public const string OrganisationsWrite = "directory.organisations.write";
    public const string WorkersRead = "directory.workers.read";
    public const string WorkersWrite = "directory.workers.write";
    public const string RepresentativesRead = "directory.representatives.read";
    public const string RepresentativesWrite = "directory.representatives.write";
}
