using Workforce.BuildingBlocks.Events;
using Workforce.Directory.Contracts;

namespace Workforce.Directory.Workers;

/// <summary>What the change feed and webhooks hear about workers.</summary>
internal static class WorkerEvents
{
    public static readonly EventType Registered = new("directory.worker.registered", "worker", new("Worker registered", "职工已登记"));
    public static readonly EventType Updated = new("directory.worker.updated", "worker", new("Worker updated", "职工信息已修改"));
    public static readonly EventType Deactivated = new("directory.worker.deactivated", "worker", new("Worker deactivated", "职工已停用（离职、退休等）"));

    /// <summary>The jsonb of <see cref="WorkerEventData"/> for a worker row <c>w</c>, for events written in SQL with the rows they describe.</summary>
    public const string DataSql = """
        jsonb_build_object('workerId', w.id, 'externalId', w.external_id, 'employeeNumber', w.employee_number, 'name', w.name,
                           'unitId', w.unit_id, 'status', w.status, 'skillGrade', w.skill_grade, 'hiredOn', w.hired_on,
                           'leftOn', w.left_on, 'version', w.version)
        """;

    public static void Publish(this Outbox outbox, Guid tenant, EventType type, Worker worker) =>
        outbox.Publish(tenant, type, worker.Id, new WorkerEventData(
            worker.Id, worker.ExternalId, worker.EmployeeNumber, worker.Name, worker.UnitId, worker.Status.ToDbText(),
            worker.SkillGrade.ToDbText(), worker.HiredOn, worker.LeftOn, worker.Version));
}
