using Workforce.BuildingBlocks.Events;
using Workforce.Directory.Contracts;

namespace Workforce.Directory.Workers;

/// <summary>What the change feed and webhooks hear about workers.</summary>
internal static class WorkerEvents
{
    public const string Registered = "directory.worker.registered";
    public const string Updated = "directory.worker.updated";
    public const string Deactivated = "directory.worker.deactivated";

    /// <summary>The jsonb of <see cref="WorkerEventData"/> for a worker row <c>w</c>, for events written in SQL with the rows they describe.</summary>
    public const string DataSql = """
        jsonb_build_object('workerId', w.id, 'externalId', w.external_id, 'employeeNumber', w.employee_number, 'name', w.name,
                           'unitId', w.unit_id, 'status', w.status, 'skillGrade', w.skill_grade, 'hiredOn', w.hired_on,
                           'leftOn', w.left_on, 'version', w.version)
        """;

    public static void Publish(this Outbox outbox, Guid tenant, string type, Worker worker) =>
        outbox.Publish(tenant, type, "worker", worker.Id, new WorkerEventData(
            worker.Id, worker.ExternalId, worker.EmployeeNumber, worker.Name, worker.UnitId, worker.Status.ToDbText(),
            worker.SkillGrade.ToDbText(), worker.HiredOn, worker.LeftOn, worker.Version));
}
