namespace Workforce.Architecture.Tests;

internal static class Rules
{
    public static void AssertNone(IEnumerable<string> violations)
    {
        var found = violations.ToList();
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    // Compares joined text: xunit cuts each string of a failing collection short, which hides the message that differs.
    public static void AssertExactly(IEnumerable<string> expected, IEnumerable<string> violations) =>
        Assert.Equal(string.Join(Environment.NewLine, expected), string.Join(Environment.NewLine, violations));
}
