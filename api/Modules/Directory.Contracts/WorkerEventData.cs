namespace Workforce.Directory.Contracts;

/// <summary>
/// A worker as the directory.worker.* events describe them (registered, updated, deactivated), after the change. It
/// leaves out protected data: no resident ID number, phone or party membership ever leaves in an event.
/// </summary>
/// <param name="Status">active, onLeave, left or retired.</param>
public sealed record WorkerEventData(
    Guid WorkerId,
    string? ExternalId,
    string EmployeeNumber,
    string Name,
    Guid UnitId,
    string Status,
    string? SkillGrade,
    DateOnly? HiredOn,
    DateOnly? LeftOn,
    int Version);
