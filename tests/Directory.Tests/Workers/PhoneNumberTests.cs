using Workforce.Directory.Workers;

namespace Workforce.Directory.Tests.Workers;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13800138000", "13800138000")]
    [InlineData("+86 138 0013 8000", "13800138000")]
    [InlineData("8613800138000", "13800138000")]
    [InlineData("138-0013-8000", "13800138000")]
    public void Mobile_numbers_are_normalised(string written, string stored)
    {
        Assert.True(PhoneNumber.IsValid(written));
        Assert.Equal(stored, PhoneNumber.Normalize(written));
    }

    [Theory]
    [InlineData("12800138000")]
    [InlineData("010-12345678")]
    [InlineData("138001380001")]
    public void Other_numbers_are_refused(string written) => Assert.False(PhoneNumber.IsValid(written));

    [Fact]
    public void The_mask_keeps_the_first_three_and_last_four_digits() => Assert.Equal("138****8000", PhoneNumber.Mask("13800138000"));
}
