using FluentValidation;
using Workforce.BuildingBlocks.Errors;
using Workforce.BuildingBlocks.Text;

namespace Workforce.Violations;

internal static class SessionProblems
{
    // Violation: a refusal with no Chinese words.
    public static readonly ProblemCode Closed = new(409, "session_closed", new("The session is closed.", "The session is closed."));

    // Violation: the same code declared again, meaning something else.
    public static readonly ProblemCode ClosedAgain = new(410, "session_closed", new("The session is gone.", "会议已删除。"));

    // Violation: a refusal made where it is thrown.
    public static ProblemException Archived() => new ProblemCode(409, "session_archived", new("Archived.", "已归档。")).With();
}

internal sealed class SessionTitleValidator : AbstractValidator<string>
{
    public SessionTitleValidator() =>
        // Violation: a validation message in English only.
        RuleFor(title => title).NotEmpty().WithMessage("Give the session a title.");
}
