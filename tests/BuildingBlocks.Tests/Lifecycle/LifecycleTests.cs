using Workforce.BuildingBlocks.Errors;
using Workforce.BuildingBlocks.Lifecycle;

namespace Workforce.BuildingBlocks.Tests.Lifecycle;

public sealed class LifecycleTests
{
    public enum Status { Draft, Open, Closed }

    public enum Step { Open, Amend, Close, Reopen }

    public enum Party { Clerk, Chair }

    private static readonly Lifecycle<Status, Step, Party> Door = new(new("door", "门"),
    [
        new(Status.Draft, Step.Open, Status.Open, Party.Clerk),
        new(Status.Open, Step.Amend, Status.Open, Party.Clerk),
        new(Status.Open, Step.Close, Status.Closed, Party.Chair),
        new(Status.Open, Step.Reopen, Status.Draft, Party.Chair, Via: Step.Close),
    ]);

    [Fact]
    public void The_table_decides_the_target_and_offers_a_step_taken_via_another_under_that_ones_name()
    {
        Assert.Equal(Status.Open, Door.Next(Status.Draft, Step.Open));
        Assert.Equal(Status.Draft, Door.Next(Status.Open, Step.Reopen));
        Assert.Equal([Step.Amend, Step.Close], Door.AllowedFrom(Status.Open));
        Assert.Equal(Party.Chair, Door.PartyOf(Step.Close));
    }

    [Fact]
    public async Task A_caller_is_offered_only_the_steps_of_the_parties_they_are()
    {
        Assert.Equal([Step.Amend], await Door.AllowedForAsync(Status.Open, party => Task.FromResult(party == Party.Clerk)));
        Assert.Empty(await Door.AllowedForAsync(Status.Draft, party => Task.FromResult(party == Party.Chair)));
    }

    [Fact]
    public void Any_other_step_is_409_transition_not_allowed_naming_the_status_and_the_steps_allowed()
    {
        var refused = Assert.Throws<ProblemException>(() => Door.Next(Status.Draft, Step.Close));
        Assert.Equal((409, "transition_not_allowed"), (refused.Status, refused.Code));
        Assert.Equal("draft", refused.Extensions!["currentStatus"]);
        Assert.Equal(["open"], (string[])refused.Extensions["allowed"]);
        Assert.Equal("A door that is draft cannot close; allowed from here: open.", refused.Detail!.Value.English);

        var final = Assert.Throws<ProblemException>(() => Door.Next(Status.Closed, Step.Open));
        Assert.Empty((string[])final.Extensions!["allowed"]);
        Assert.Contains("nothing: it is final", final.Detail!.Value.English);
    }

    [Fact]
    public void A_table_with_two_targets_for_one_step_or_two_parties_for_one_action_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new Lifecycle<Status, Step, Party>(new("door", "门"),
            [new(Status.Open, Step.Close, Status.Closed, Party.Chair), new(Status.Open, Step.Close, Status.Draft, Party.Chair)]));
        Assert.Throws<ArgumentException>(() => new Lifecycle<Status, Step, Party>(new("door", "门"),
            [new(Status.Open, Step.Close, Status.Closed, Party.Chair), new(Status.Draft, Step.Close, Status.Closed, Party.Clerk)]));
    }
}
