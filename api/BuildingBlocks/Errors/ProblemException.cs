using Workforce.BuildingBlocks.Text;

namespace Workforce.BuildingBlocks.Errors;

/// <summary>
/// A refusal the caller can act on. It becomes an RFC 9457 problem document whose <c>code</c> is stable: clients
/// branch on the code, people read the title and detail, in the caller's language. Validation problems carry a map
/// from field path to messages, said as the refusal is made.
/// </summary>
public sealed class ProblemException(ProblemCode kind, Words? detail = null, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception((detail ?? kind.Title).English)
{
    public ProblemCode Kind { get; } = kind;
    public int Status => Kind.Status;
    public string Code => Kind.Code;
    public Words Title => Kind.Title;
    public Words? Detail { get; } = detail;
    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;

    /// <summary>Further members of the problem document a client can act on (e.g. the actions still allowed).</summary>
    public IReadOnlyDictionary<string, object>? Extensions { get; init; }

    public static ProblemException Validation(IReadOnlyDictionary<string, string[]> errors) =>
        Problems.ValidationFailed.With(new("See errors for what to correct in each field.", "请按各字段的说明改正。"), errors);

    public static ProblemException Invalid(string field, Words message) => Problems.ValidationFailed.Of(field, message);

    /// <summary>A field names something that does not exist for this caller.</summary>
    public static ProblemException UnknownReference(string field, Words message) => Problems.UnknownReference.Of(field, message);
}
