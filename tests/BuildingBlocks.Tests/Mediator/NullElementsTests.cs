using Workforce.BuildingBlocks.Mediator;

namespace Workforce.BuildingBlocks.Tests.Mediator;

public sealed class NullElementsTests
{
    [Fact]
    public void Null_elements_are_found_however_deep_with_their_paths()
    {
        var request = new Election("选举", [new Candidate("王芳", null), null!, new Candidate("李强", ["车间", null!])], new Settings([null!]));

        Assert.Equal(["Candidates[1]", "Candidates[2].Notes[1]", "Settings.Seats[0]"], NullElements.Find(request));
    }

    [Fact]
    public void A_request_without_null_elements_has_none_to_report()
    {
        var request = new Election("选举", [new Candidate("王芳", ["车间"])], new Settings([]));

        Assert.Empty(NullElements.Find(request));
    }

    [Fact]
    public void Collections_declared_to_hold_null_may_and_value_collections_cannot()
    {
        Assert.Empty(NullElements.Find(new Nullables([null, "有"], [null, 1], [0, 1])));
    }

    [Fact]
    public void What_a_request_works_out_from_its_fields_is_not_read()
    {
        Assert.Equal(["Names[0]"], NullElements.Find(new Derived([null!])));
    }

    private sealed record Election(string Title, IReadOnlyList<Candidate> Candidates, Settings Settings);

    private sealed record Candidate(string Title, IReadOnlyList<string>? Notes);

    private sealed record Settings(Seat[] Seats);

    private sealed record Seat(int Number);

    private sealed record Nullables(IReadOnlyList<string?> Texts, int?[] Numbers, List<int> Values);

    private sealed record Derived(string[] Names)
    {
        public string[] Trimmed => Names.Select(n => n.Trim()).ToArray();
    }
}
