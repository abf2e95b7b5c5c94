using System.Text;

namespace Workforce.Benchmarks;

/// <summary>
/// A workers file as enterprises export it from Excel: Chinese headers, UTF-8, one valid and distinct worker per row
/// (their own employee number, resident ID and phone), all in the unit 车间.
/// </summary>
internal static class WorkerFile
{
    private const string Header = "姓名,工号,身份证号,手机,部门,岗位,技能等级,入职日期";
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞"];
    private static readonly string[] Posts = ["装配工", "焊工", "车工", "钳工", "电工", "质检员", "叉车司机", "数控操作工"];
    private static readonly string[] Grades = ["初级工", "中级工", "高级工", "技师", "高级技师"];
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>Writes <paramref name="rows"/> workers to <paramref name="path"/>, numbered from <paramref name="first"/>, unless it is there already.</summary>
    public static string Write(string path, int rows, int first = 0)
    {
        if (File.Exists(path))
        {
            return path;
        }
        var partial = path + ".partial";
        using (var writer = new StreamWriter(partial, false, new UTF8Encoding(false), 1 << 20))
        {
            writer.WriteLine(Header);
            for (var i = first; i < first + rows; i++)
            {
                writer.Write(Surnames[i % Surnames.Length]);
                writer.Write(GivenNames[i / Surnames.Length % GivenNames.Length]);
                writer.Write(',');
                writer.Write($"E{i:D7},{ResidentId(i)},139{i:D8},车间,{Posts[i % Posts.Length]},{Grades[i % Grades.Length]},");
                writer.WriteLine(Born(i).AddYears(20).AddDays(i % 3000).ToString("yyyy-MM-dd"));
            }
        }
        File.Move(partial, path);
        return path;
    }

    private static DateOnly Born(int i) => new DateOnly(1962, 1, 1).AddDays(i % 12_000);

    /// <summary>A valid resident ID number, different for every i below 6 million: one of 500 sequence numbers on each of 12,000 birth dates.</summary>
    public static string ResidentId(int i)
    {
        var first17 = $"320505{Born(i):yyyyMMdd}{i / 12_000 % 500:D3}";
        var sum = 0;
        for (var d = 0; d < 17; d++)
        {
            sum += (first17[d] - '0') * Weights[d];
        }
        return first17 + "10X98765432"[sum % 11];
    }
}
