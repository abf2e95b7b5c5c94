using Workforce.BuildingBlocks.Text;

namespace Workforce.BuildingBlocks.Errors;

/// <summary>
/// A kind of refusal: its HTTP status, the stable <c>code</c> clients branch on, and its title in both languages (the
/// problem document's <c>title</c>, the same for every refusal of the kind). A module declares its codes as static
/// fields, where the refusal is made; a test holds every declared code to having Chinese words.
/// </summary>
public sealed record ProblemCode(int Status, string Code, Words Title)
{
    /// <summary>This refusal, with what this occurrence of it says beyond the title (<paramref name="detail"/>).</summary>
    public ProblemException With(Words? detail = null, IReadOnlyDictionary<string, string[]>? errors = null) => new(this, detail, errors);

    /// <summary>This refusal, its detail also said of <paramref name="field"/>.</summary>
    public ProblemException Of(string field, Words message) =>
        new(this, message, new Dictionary<string, string[]> { [field] = [message.Said] });
}
