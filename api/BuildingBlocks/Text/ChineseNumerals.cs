namespace Workforce.BuildingBlocks.Text;

/// <summary>一 to 九十九, as ordinals of terms and sessions are written.</summary>
public static class ChineseNumerals
{
    public static string Of(int number)
    {
        const string digits = "零一二三四五六七八九";
        var (tens, units) = (number / 10, number % 10);
        var tensPart = tens switch { 0 => "", 1 => "十", _ => $"{digits[tens]}十" };
        return tensPart + (units == 0 && tens > 0 ? "" : digits[units].ToString());
    }
}
