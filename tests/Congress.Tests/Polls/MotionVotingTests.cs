namespace Workforce.Congress.Tests.Polls;

public sealed class MotionVotingTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task A_motion_passes_with_more_than_half_of_all_representatives()
    {
        var (congress, motion) = await TestCongress.WithOpenMotionAsync(api, representatives: 6);
        foreach (var representative in congress.Representatives.Take(4))
        {
            await (await congress.VoteAsync(representative, motion, (1, "for"))).ExpectJsonAsync();
        }

        var closed = await congress.ClosePollAsync(motion);

        var item = closed["results"]!["items"]![0]!;
        Assert.Equal(4, item["for"]!.GetValue<int>());
        Assert.True(item["passed"]!.GetValue<bool>());
    }
}
