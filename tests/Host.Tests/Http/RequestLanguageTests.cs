namespace Workforce.Host.Tests.Http;

/// <summary>
/// Refusals are said in the caller's language: Chinese to whoever prefers zh in Accept-Language (the admin app in
/// Chinese), English to everyone else, HR systems that do not ask included. The code stays the same in both.
/// </summary>
public sealed class RequestLanguageTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string Workers = "/api/v1/directory/workers";
    private Caller? _client;

    private async Task<Caller> ClientAsync() => _client ??= (await api.NewEnterpriseAsync()).Client;

    [Theory]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("zh", "zh-CN")]
    [InlineData("zh-Hans-CN,zh;q=0.9", "zh-CN")]
    [InlineData("en-US,en;q=0.9,zh-CN;q=0.8", "en")]
    [InlineData("fr-FR,zh-CN;q=0.5,en;q=0.4", "zh-CN")]
    [InlineData("fr-FR", "en")]
    [InlineData("zh-CN;q=0,en", "en")]
    [InlineData("", "en")]
    public async Task The_language_is_the_callers_first_preference_the_API_speaks(string acceptLanguage, string spoken)
    {
        var client = await ClientAsync();
        var response = await (acceptLanguage.Length == 0 ? client : client.WithHeader("Accept-Language", acceptLanguage))
            .GetAsync("/api/v1/directory/nothing-here");

        var problem = await response.ExpectTracedProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(spoken, Assert.Single(response.Content.Headers.ContentLanguage));
        Assert.Equal(spoken == "en" ? "The resource was not found." : "未找到所请求的内容。", problem.Title);
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Fact]
    public async Task A_framework_refusal_is_said_in_Chinese()
    {
        var response = await (await ClientAsync()).InChinese().SendAsync(HttpMethod.Delete, Workers);

        var problem = await response.ExpectTracedProblemAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        Assert.Equal("此地址不接受这种请求方法。", problem.Title);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_in_Chinese_with_its_field_message()
    {
        var chinese = await (await (await ClientAsync()).InChinese().PostRawAsync(Workers, """{ "name": 5 }"""))
            .ExpectTracedProblemAsync(HttpStatusCode.BadRequest, "malformed_body");
        var english = await (await (await ClientAsync()).PostRawAsync(Workers, """{ "name": 5 }"""))
            .ExpectTracedProblemAsync(HttpStatusCode.BadRequest, "malformed_body");

        Assert.Equal("请求内容不符合此操作的要求。", chinese.Title);
        Assert.Equal("请求内容不是此操作所接受的 JSON：格式有误、含有此操作没有的字段，或字段类型不对。", chinese.Detail);
        Assert.Equal(["此值不是所需类型的 JSON。"], chinese.Errors!["name"]);
        Assert.Equal("The body is not what this operation takes.", english.Title);
        Assert.Equal(["This value is not valid JSON of the expected type."], english.Errors!["name"]);
    }

    [Fact]
    public async Task Signing_in_is_asked_for_in_Chinese()
    {
        var response = await api.SendWithHeadersAsync(HttpMethod.Get, Workers, ("Accept-Language", "zh-CN"));

        var problem = await response.ExpectTracedProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Equal("请先登录。", problem.Title);
        Assert.Equal("请登录，或以 Authorization: Bearer <密钥> 发送 API 密钥。", problem.Detail);
    }

    [Fact]
    public async Task A_validation_failure_names_the_field_in_Chinese_in_FluentValidations_own_Chinese()
    {
        var body = TestEnterprise.WorkerBody(Guid.CreateVersion7());
        body["post"] = new string('岗', 51);

        var chinese = await (await (await ClientAsync()).InChinese().PostAsync(Workers, body)).ExpectInvalidFieldsAsync("post");
        var english = await (await (await ClientAsync()).PostAsync(Workers, body)).ExpectInvalidFieldsAsync("post");

        Assert.Equal("有字段填写不正确。", chinese.Title);
        Assert.Equal("请按各字段的说明改正。", chinese.Detail);
        Assert.Matches("^'岗位' .*50.*$", Assert.Single(chinese.Errors!["post"]));
        Assert.Matches("^The length of 'Post' must be 50 characters or fewer.*$", Assert.Single(english.Errors!["post"]));
    }
}
