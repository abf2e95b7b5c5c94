using System.Reflection;

namespace Workforce.BuildingBlocks.Security;

/// <summary>Every permission an endpoint can require, by module. Roles map to sets of them (see <see cref="Roles"/>).</summary>
public static class Permissions
{
    public static class Directory
    {
        public const string OrganisationsRead = "directory.organisations.read";
        public const string OrganisationsWrite = "directory.organisations.write";
        public const string WorkersRead = "directory.workers.read";
        public const string WorkersWrite = "directory.workers.write";
        public const string RepresentativesRead = "directory.representatives.read";
        public const string RepresentativesWrite = "directory.representatives.write";
    }

    public static class Access
    {
        public const string UsersRead = "access.users.read";
        public const string UsersWrite = "access.users.write";
        public const string ClientsManage = "access.clients.manage";
        public const string AuditRead = "access.audit.read";
    }

    public static class Congress
    {
        public const string SessionsRead = "congress.sessions.read";
        public const string SessionsManage = "congress.sessions.manage";

        /// <summary>What a representative does in a session: check in, read, vote, check a receipt.</summary>
        public const string Attend = "congress.attend";
    }

    public static class Proposals
    {
        /// <summary>The union's proposal work: read every submitted proposal and its figures.</summary>
        public const string Read = "proposals.read";

        /// <summary>The proposal committee (提案委员会): calls, settings, review, assignment, closing, award nominations.</summary>
        public const string Manage = "proposals.manage";

        /// <summary>What a representative does: draft, submit, co-sign and rate proposals.</summary>
        public const string Propose = "proposals.propose";

        /// <summary>What a handling department does: read what is assigned to it and answer.</summary>
        public const string Handle = "proposals.handle";

        /// <summary>A region's award campaigns: open them, name reviewers, rank, record awards and escalations.</summary>
        public const string AwardsManage = "proposals.awards.manage";

        /// <summary>Score the nominations of a campaign one is named a reviewer of.</summary>
        public const string AwardsReview = "proposals.awards.review";
    }

    public static class Integration
    {
        public const string EventsRead = "integration.events.read";
        public const string WebhooksManage = "integration.webhooks.manage";
    }

    public static IReadOnlySet<string> All { get; } = typeof(Permissions).GetNestedTypes()
        .SelectMany(module => module.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToHashSet();
}
