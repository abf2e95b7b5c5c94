using Workforce.BuildingBlocks.Events;
using Workforce.Directory.Contracts;

namespace Workforce.Directory.Workers;

/// <summary>What the change feed and webhooks hear about workers.</summary>
internal static class WorkerEvents
{
    public const string Registered = "directory.worker.registered";
    public const string Updated = "directory.worker.updated";
    public const string Deactivated = "directory.worker.deactivated";

    public static void Publish(this Outbox outbox, Guid tenant, string type, Worker worker) =>
        outbox.Publish(tenant, type, "worker", worker.Id, new WorkerEventData(
            worker.Id, worker.ExternalId, worker.EmployeeNumber, worker.Name, worker.UnitId, worker.Status.ToDbText(),
            worker.SkillGrade.ToDbText(), worker.HiredOn, worker.LeftOn, worker.Version));
}
