using Workforce.Directory.Workers;

namespace Workforce.Directory.Tests.Workers;

public sealed class ResidentIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")]
    [InlineData(" 440524198001010013 ")]
    public void Valid_numbers_pass(string id) => Assert.Null(ResidentIdNumber.Problem(id, Today));

    [Fact]
    public void Every_check_character_is_computed_by_the_standard_weights()
    {
        for (var sequence = 0; sequence < 200; sequence++)
        {
            var id = TestIdentity.ResidentId("320505", new DateOnly(1990, 5, 17), sequence);
            Assert.Equal(id[17], ResidentIdNumber.CheckCharacter(id));
            Assert.Null(ResidentIdNumber.Problem(id, Today));
        }
    }

    [Fact]
    public void Tomorrows_birth_date_is_refused() =>
        Assert.NotNull(ResidentIdNumber.Problem(TestIdentity.ResidentId("320505", Today.AddDays(1), 1), Today));

    [Theory]
    [InlineData("320505199005170012", "Male")]
    [InlineData("320505199005170020", "Female")]
    public void The_seventeenth_digit_gives_the_gender(string id, string gender) => Assert.Equal(gender, ResidentIdNumber.GenderOf(id).ToString());

    [Fact]
    public void The_mask_hides_the_birth_date() => Assert.Equal("110***********002X", ResidentIdNumber.Mask("11010519491231002X"));
}
