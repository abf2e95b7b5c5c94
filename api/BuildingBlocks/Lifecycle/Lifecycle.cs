using Workforce.BuildingBlocks.Text;
using Workforce.BuildingBlocks.Data;
using Workforce.BuildingBlocks.Errors;

namespace Workforce.BuildingBlocks.Lifecycle;

/// <summary>
/// A thing's lifecycle as one declared table of steps: from a status, an action leads to a target status and is taken
/// by one party. The table alone decides where a step leads, which actions are open from a status (to whom), and the
/// one refusal of everything else: <c>409 transition_not_allowed</c> with <c>currentStatus</c> and <c>allowed</c>.
/// </summary>
public sealed class Lifecycle<TStatus, TAction, TParty>
    where TStatus : struct, Enum where TAction : struct, Enum where TParty : struct, Enum
{
    /// <param name="Via">
    /// The action a caller takes for this step when the command decides between steps (a rating either stands or
    /// reopens handling): callers are offered, and refused naming, <paramref name="Via"/> instead.
    /// </param>
    public sealed record Step(TStatus From, TAction Action, TStatus To, TParty By, TAction? Via = null)
    {
        public TAction Offered => Via ?? Action;
    }

    private readonly Words _thing;
    private readonly IReadOnlyList<Step> _steps;

    /// <param name="thing">What moves through it, as the refusal names it ("proposal", "vote").</param>
    public Lifecycle(Words thing, IReadOnlyList<Step> steps)
    {
        if (steps.CountBy(s => (s.From, s.Action)).FirstOrDefault(c => c.Value > 1) is { Value: > 1 } twice)
        {
            throw new ArgumentException($"{twice.Key.Action} from {twice.Key.From} leads to two statuses.", nameof(steps));
        }
        if (steps.GroupBy(s => s.Offered).FirstOrDefault(g => g.Select(s => s.By).Distinct().Count() > 1) is { } shared)
        {
            throw new ArgumentException($"{shared.Key} is taken by more than one party.", nameof(steps));
        }
        _thing = thing;
        _steps = steps;
    }

    /// <summary>The actions callers may take from <paramref name="status"/>, in the table's order.</summary>
    public IReadOnlyList<TAction> AllowedFrom(TStatus status) =>
        _steps.Where(s => Same(s.From, status)).Select(s => s.Offered).Distinct().ToList();

    /// <summary>The actions open from <paramref name="status"/> to a caller who is the parties <paramref name="isParty"/> says.</summary>
    public async Task<IReadOnlyList<TAction>> AllowedForAsync(TStatus status, Func<TParty, Task<bool>> isParty)
    {
        var allowed = new List<TAction>();
        foreach (var action in AllowedFrom(status))
        {
            if (await isParty(PartyOf(action)))
            {
                allowed.Add(action);
            }
        }
        return allowed;
    }

    /// <summary>Who takes <paramref name="action"/>.</summary>
    public TParty PartyOf(TAction action) => _steps.First(s => Same(s.Action, action)).By;

    /// <summary>Where <paramref name="action"/> leads from <paramref name="status"/>; 409 naming the actions open instead when it does not.</summary>
    public TStatus Next(TStatus status, TAction action) =>
        _steps.FirstOrDefault(s => Same(s.From, status) && Same(s.Action, action)) is { } step ? step.To : throw NotAllowed(status, action);

    private ProblemException NotAllowed(TStatus status, TAction action)
    {
        var allowed = AllowedFrom(status).Select(a => a.ToDbText()).ToArray();
        var (current, act) = (status.ToDbText(), action.ToDbText());
        Words open = allowed.Length == 0
            ? new("nothing: it is final", "无（已是最终状态）")
            : new(string.Join(", ", allowed), string.Join("、", allowed));
        return new ProblemException(Problems.TransitionNotAllowed, new(
            $"A {_thing.English} that is {current} cannot {act}; allowed from here: {open.English}.",
            $"{_thing.Chinese}处于“{current}”状态，不能进行“{act}”；当前可进行：{open.Chinese}。"))
        {
            Extensions = new Dictionary<string, object> { ["currentStatus"] = status.ToDbText(), ["allowed"] = allowed },
        };
    }

    private static bool Same<T>(T a, T b) where T : struct, Enum => EqualityComparer<T>.Default.Equals(a, b);
}
