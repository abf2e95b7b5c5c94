using System.Text;

namespace Workforce.Host.Tests.Http;

/// <summary>
/// Text is taken as plain text wherever it comes in: a NUL (which PostgreSQL cannot store) or another control character
/// in a body's field, a query value or a form field is a 400 naming it, before anything is written.
/// </summary>
public sealed class PlainTextTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string Workers = "/api/v1/directory/workers";

    [Fact]
    public async Task A_nul_in_the_login_name_of_an_anonymous_sign_in_is_refused_naming_the_field()
    {
        var response = await api.Anonymous().PostRawAsync("/api/v1/access/login", """{"loginName":"a\u0000","password":"x"}""");

        var problem = await response.ExpectTracedProblemAsync(HttpStatusCode.BadRequest, "malformed_body");
        Assert.Equal(["loginName"], problem.Errors?.Keys);
    }

    [Theory]
    [InlineData("\\u0000")]
    [InlineData("\\u001b")]
    [InlineData("\\u007f")]
    [InlineData("\\ud800")]
    public async Task Control_characters_and_broken_text_deep_in_a_body_are_refused_at_their_field(string escaped)
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PostRawAsync($"/api/v1/congress/sessions/{Guid.NewGuid()}/elections",
            $$"""{"title":"选举职工董事","seats":1,"candidates":[{"title":"王{{escaped}}芳"}]}""");

        var problem = await response.ExpectTracedProblemAsync(HttpStatusCode.BadRequest, "malformed_body");
        Assert.Equal(["candidates[0].title"], problem.Errors?.Keys);
    }

    [Fact]
    public async Task A_refused_worker_is_not_registered()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var body = TestEnterprise.WorkerBody(enterprise.Id);
        body["name"] = "张\u0000三";

        var response = await enterprise.Client.PostAsync(Workers, body);

        var problem = await response.ExpectTracedProblemAsync(HttpStatusCode.BadRequest, "malformed_body");
        Assert.Equal(["name"], problem.Errors?.Keys);
        var list = await (await enterprise.Client.GetAsync(Workers)).ExpectJsonAsync();
        Assert.Empty(list["items"]!.AsArray());
    }

    [Fact]
    public async Task Tabs_and_line_breaks_are_text()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var worker = await enterprise.RegisterWorkerAsync(change: body => body["post"] = "装配工\t二班\r\n夜班");

        Assert.Equal("装配工\t二班\r\n夜班", worker.Str("post"));
    }

    [Theory]
    [InlineData("q=a%00b", "q")]
    [InlineData("q=%1B%5B2J", "q")]
    [InlineData("unitId=%00", "unitId")]
    public async Task A_query_value_that_is_not_plain_text_is_refused_naming_the_parameter(string query, string parameter)
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.GetAsync($"{Workers}?{query}");

        var problem = await response.ExpectTracedProblemAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        Assert.Equal([parameter], problem.Errors?.Keys);
    }

    [Fact]
    public async Task A_form_field_that_is_not_plain_text_is_refused_naming_the_field()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()) { Headers = { ContentType = new("application/pdf") } }, "file", "report.pdf" },
            { new StringContent("工作\u0000报告"), "title" },
        };

        var response = await enterprise.Client.SendAsync(HttpMethod.Post, $"/api/v1/congress/sessions/{Guid.NewGuid()}/documents", form);

        var problem = await response.ExpectTracedProblemAsync(HttpStatusCode.BadRequest, "malformed_body");
        Assert.Equal(["title"], problem.Errors?.Keys);
    }

    [Theory]
    [InlineData("application/json; charset=no-such-charset")]
    [InlineData("application/json; charset=utf-16")]
    public async Task Json_declared_in_another_charset_than_utf8_is_refused(string contentType)
    {
        var enterprise = await api.NewEnterpriseAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"name":"车间"}"""));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await enterprise.Client.SendAsync(HttpMethod.Post, Workers, content);

        await response.ExpectTracedProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task Json_declared_in_utf8_is_taken()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(TestEnterprise.WorkerBody(enterprise.Id))));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=\"UTF-8\"");

        var response = await enterprise.Client.SendAsync(HttpMethod.Post, Workers, content);

        await response.ExpectJsonAsync(HttpStatusCode.Created);
    }
}
