namespace Workforce.TestKit;

/// <summary>Valid, distinct identity data for test workers, computed here independently of the code under test.</summary>
public static class TestIdentity
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private static int _sequence;

    /// <summary>A valid 18-character resident ID number, different on every call.</summary>
    public static string NewResidentId(bool male = true)
    {
        var n = Interlocked.Increment(ref _sequence);
        var born = new DateOnly(1965, 1, 1).AddDays(n % 9_000);
        // Distinct for the first 4.5 million of a test run, so large import files never repeat a person.
        return ResidentId("320505", born, n / 9_000 % 500 * 2 + (male ? 1 : 0));
    }

    public static string ResidentId(string area, DateOnly born, int sequence)
    {
        var first17 = $"{area}{born:yyyyMMdd}{sequence:D3}";
        var sum = first17.Select((digit, i) => (digit - '0') * Weights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }

    public static string NewEmployeeNumber() => $"T{Interlocked.Increment(ref _sequence):D6}";

    public static string NewLoginName(string prefix) => $"{prefix.ToLowerInvariant()}-{Interlocked.Increment(ref _sequence):D6}";

    public static string NewName(string prefix = "测试") => $"{prefix}{Guid.NewGuid().ToString("N")[..6]}";

    public static string NewPhone() => "139" + Random.Shared.Next(0, 100_000_000).ToString("D8");
}
