namespace Workforce.Access.Tests.Users;

public sealed class GetUserTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task An_account_is_read_with_its_grants_and_etag()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();

        var response = await enterprise.Client.GetAsync(AccessApi.User(account.Id));

        var user = await response.ExpectJsonAsync();
        Assert.Equal("\"1\"", response.ETag());
        Assert.Equal(account.LoginName, user.Str("loginName"));
        Assert.Equal("handler", user["grants"]![0]!.Str("role"));
    }

    [Fact]
    public async Task Another_tenants_account_is_not_found_exactly_like_one_that_does_not_exist()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var other = await api.NewEnterpriseAsync();
        var theirs = await other.NewHandlerAsync();

        var hidden = await enterprise.Client.GetAsync(AccessApi.User(theirs.Id));
        var missing = await enterprise.Client.GetAsync(AccessApi.User(Guid.NewGuid()));

        var problems = new[]
        {
            await hidden.ExpectProblemAsync(HttpStatusCode.NotFound, "user_not_found"),
            await missing.ExpectProblemAsync(HttpStatusCode.NotFound, "user_not_found"),
        };
        Assert.Equal(problems[0].Title, problems[1].Title);
    }
}
