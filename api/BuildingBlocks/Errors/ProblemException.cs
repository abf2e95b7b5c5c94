namespace Workforce.BuildingBlocks.Errors;

/// <summary>
/// A refusal the caller can act on. It becomes an RFC 9457 problem document whose <c>code</c> is stable: clients
/// branch on the code, people read the detail. Validation problems carry a map from field path to messages.
/// </summary>
public sealed class ProblemException(int status, string code, string title, string detail,
    IReadOnlyDictionary<string, string[]>? errors = null) : Exception(detail)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public string Title { get; } = title;
    public string Detail { get; } = detail;
    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;

    /// <summary>Further members of the problem document a client can act on (e.g. the actions still allowed).</summary>
    public IReadOnlyDictionary<string, object>? Extensions { get; init; }

    public static ProblemException BadRequest(string code, string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(400, code, "The request is malformed.", detail, errors);

    public static ProblemException NotFound(string code, string detail) =>
        new(404, code, "The resource was not found.", detail);

    public static ProblemException Conflict(string code, string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(409, code, "The request conflicts with the current state.", detail, errors);

    public static ProblemException PreconditionFailed(string detail) =>
        new(412, "precondition_failed", "The resource was changed by someone else.", detail);

    public static ProblemException PreconditionRequired(string detail) =>
        new(428, "precondition_required", "The request must be conditional.", detail);

    public static ProblemException Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(422, "validation_failed", "The request has invalid fields.", "See errors for what to correct in each field.", errors);

    public static ProblemException Invalid(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>A field names something that does not exist for this caller.</summary>
    public static ProblemException UnknownReference(string field, string message) =>
        new(422, "unknown_reference", "The request refers to something that does not exist.", message,
            new Dictionary<string, string[]> { [field] = [message] });
}
