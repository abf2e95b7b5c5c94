namespace Workforce.Access;

/// <summary>The permissions Access's endpoints require; who gets them is declared in <see cref="AccessModule"/>.</summary>
internal static class AccessPermissions
{
    public const string UsersRead = "access.users.read";
    public const string UsersWrite = "access.users.write";
    public const string ClientsManage = "access.clients.manage";
    public const string AuditRead = "access.audit.read";
}
