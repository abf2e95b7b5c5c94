namespace Workforce.Directory.Tests.Calendar;

public sealed class ChangeCalendarTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string Url = "/api/v1/directory/calendar";

    private static object NationalDay(params object[] more) => new
    {
        restDays = new[] { "saturday", "sunday" },
        days = new object[]
        {
            new { date = "2026-10-01", kind = "holiday", name = "国庆节" },
            new { date = "2026-10-10", kind = "workday", name = "国庆节调休" },
        }.Concat(more).ToArray(),
    };

    [Fact]
    public async Task An_enterprise_without_a_calendar_rests_at_weekends_in_the_default_zone()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.GetAsync(Url);

        var calendar = await response.ExpectJsonAsync();
        Assert.Equal("Asia/Shanghai", calendar.Str("timeZone"));
        Assert.Equal(["saturday", "sunday"], calendar["restDays"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Empty(calendar["days"]!.AsArray());
        Assert.Equal("\"0\"", response.ETag());
    }

    [Fact]
    public async Task Setting_the_calendar_keeps_its_holidays_and_make_up_working_days_in_date_order()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PutAsync(Url, new
        {
            restDays = new[] { "sunday" },
            days = new object[]
            {
                new { date = "2026-10-02", kind = "holiday", name = "国庆节" },
                new { date = "2026-10-01", kind = "holiday", name = " 国庆节 " },
                new { date = "2026-10-11", kind = "workday", name = "国庆节调休" },
            },
        }, "\"0\"");

        var changed = await response.ExpectJsonAsync();
        Assert.Equal("\"1\"", response.ETag());
        Assert.Equal(["sunday"], changed["restDays"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal(["2026-10-01 holiday 国庆节", "2026-10-02 holiday 国庆节", "2026-10-11 workday 国庆节调休"], Days(changed));
        var read = await (await enterprise.Client.GetAsync(Url)).ExpectJsonAsync();
        Assert.Equal(Days(changed), Days(read));
        Assert.Equal(1, read["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_later_change_removes_the_days_left_out_and_renames_the_others()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await (await enterprise.Client.PutAsync(Url, NationalDay(), "\"0\"")).ExpectJsonAsync();

        var response = await enterprise.Client.PutAsync(Url, new
        {
            restDays = new[] { "saturday", "sunday" },
            days = new object[] { new { date = "2026-10-01", kind = "holiday", name = "国庆节假期" } },
        }, "\"1\"");

        Assert.Equal(["2026-10-01 holiday 国庆节假期"], Days(await response.ExpectJsonAsync()));
        Assert.Equal("\"2\"", response.ETag());
    }

    [Fact]
    public async Task Changes_to_the_calendar_are_in_the_audit_trail()
    {
        var enterprise = await api.NewEnterpriseAsync();

        await (await enterprise.Client.PutAsync(Url, NationalDay(), "\"0\"")).ExpectJsonAsync();

        var audit = await (await enterprise.Client.GetAsync("/api/v1/access/audit?limit=200")).ExpectJsonAsync();
        var entries = audit["items"]!.AsArray().Where(e => e!["operation"]!.GetValue<string>() == "ChangeCalendar").ToList();
        Assert.Contains(entries, e => e!["entityType"]!.GetValue<string>() == "calendars");
        Assert.Equal(2, entries.Count(e => e!["entityType"]!.GetValue<string>() == "calendar_days"));
    }

    [Fact]
    public async Task Without_if_match_the_change_is_refused_as_precondition_required()
    {
        var enterprise = await api.NewEnterpriseAsync();

        await (await enterprise.Client.PutAsync(Url, NationalDay())).ExpectProblemAsync((HttpStatusCode)428, "precondition_required");
        Assert.Equal("\"0\"", (await enterprise.Client.GetAsync(Url)).ETag());
    }

    [Fact]
    public async Task A_stale_etag_is_refused_and_the_calendar_kept()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await (await enterprise.Client.PutAsync(Url, NationalDay(), "\"0\"")).ExpectJsonAsync();

        var response = await enterprise.Client.PutAsync(Url, new { restDays = new[] { "sunday" }, days = Array.Empty<object>() }, "\"0\"");

        await response.ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
        var kept = await (await enterprise.Client.GetAsync(Url)).ExpectJsonAsync();
        Assert.Equal(2, kept["days"]!.AsArray().Count);
        Assert.Equal(1, kept["version"]!.GetValue<int>());
    }

    public static TheoryData<string, string> InvalidCalendars => new()
    {
        { """{"restDays":["saturday","saturday"],"days":[]}""", "restDays" },
        { """{"restDays":["monday","tuesday","wednesday","thursday","friday","saturday","sunday"],"days":[]}""", "restDays" },
        { """{"days":[]}""", "restDays" },
        { """{"restDays":["sunday"]}""", "days" },
        { """{"restDays":["sunday"],"days":[{"date":"2026-10-01","kind":"holiday","name":"国庆节"},{"date":"2026-10-01","kind":"holiday","name":"又一个"}]}""", "days" },
        { """{"restDays":["sunday"],"days":[{"kind":"holiday","name":"国庆节"}]}""", "days[0].date" },
        { """{"restDays":["sunday"],"days":[{"date":"1999-12-31","kind":"holiday","name":"除夕"}]}""", "days[0].date" },
        { """{"restDays":["sunday"],"days":[{"date":"2026-10-01","name":"国庆节"}]}""", "days[0].kind" },
        { """{"restDays":["sunday"],"days":[{"date":"2026-10-01","kind":"holiday","name":"  "}]}""", "days[0].name" },
        { """{"restDays":["sunday"],"days":[{"date":"2026-10-01","kind":"holiday"}]}""", "days[0].name" },
        // 2026-10-10 is a Saturday, worked anyway when only Sunday is a rest day.
        { """{"restDays":["sunday"],"days":[{"date":"2026-10-10","kind":"workday","name":"国庆节调休"}]}""", "days[0]" },
    };

    [Theory]
    [MemberData(nameof(InvalidCalendars))]
    public async Task An_invalid_calendar_is_refused_naming_the_field_and_nothing_is_kept(string body, string field)
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.SendAsync(HttpMethod.Put, Url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"), "\"0\"");

        await response.ExpectInvalidFieldsAsync(field);
        Assert.Equal("\"0\"", (await enterprise.Client.GetAsync(Url)).ETag());
    }

    [Theory]
    [InlineData("""{"restDays":["caturday"],"days":[]}""")]
    [InlineData("""{"restDays":["sunday"],"days":[{"date":"2026-10-01","kind":"festival","name":"国庆节"}]}""")]
    [InlineData("""{"restDays":["sunday"],"days":[{"date":"2026-02-30","kind":"holiday","name":"国庆节"}]}""")]
    public async Task A_day_or_kind_that_does_not_exist_is_a_malformed_body(string body)
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.SendAsync(HttpMethod.Put, Url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"), "\"0\"");

        await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "malformed_body");
    }

    [Fact]
    public async Task Reading_and_setting_the_calendar_need_the_organisation_rights()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync("人力资源部");
        var handler = await api.NewUserAsync(enterprise.Client, "handler", unit.Id());

        await (await handler.PutAsync(Url, NationalDay(), "\"0\"")).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await api.Anonymous().GetAsync(Url)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    private static IEnumerable<string> Days(JsonNode calendar) => calendar["days"]!.AsArray()
        .Select(d => $"{d!["date"]!.GetValue<string>()} {d["kind"]!.GetValue<string>()} {d["name"]!.GetValue<string>()}");
}
