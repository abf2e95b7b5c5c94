using Microsoft.AspNetCore.Http;
using Workforce.BuildingBlocks.Errors;
using Workforce.BuildingBlocks.Http;

namespace Workforce.BuildingBlocks.Tests.Http;

public sealed class ConcurrencyTests
{
    [Theory]
    [InlineData("\"3\"", 3)]
    [InlineData(" \"12\" ", 12)]
    public void If_Match_names_the_version_the_caller_last_read(string ifMatch, int version)
    {
        Assert.Equal(version, Concurrency.ExpectedVersion(RequestWith(ifMatch)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("*")]
    public void An_update_without_a_version_is_refused_with_428(string? ifMatch)
    {
        var error = Assert.Throws<ProblemException>(() => Concurrency.ExpectedVersion(RequestWith(ifMatch)));

        Assert.Equal(428, error.Status);
        Assert.Equal("precondition_required", error.Code);
    }

    [Theory]
    [InlineData("\"abc\"")]
    [InlineData("3")]
    [InlineData("W/\"x\"")]
    [InlineData("W/\"3\"")]
    [InlineData("\"3\", \"4\"")]
    public void A_tag_that_is_not_one_of_ours_can_never_match(string ifMatch)
    {
        var error = Assert.Throws<ProblemException>(() => Concurrency.ExpectedVersion(RequestWith(ifMatch)));

        Assert.Equal(412, error.Status);
        Assert.Equal("precondition_failed", error.Code);
    }

    [Fact]
    public void The_etag_quotes_the_version()
    {
        Assert.Equal("\"7\"", Concurrency.ETagOf(7));
    }

    private static HttpRequest RequestWith(string? ifMatch)
    {
        var context = new DefaultHttpContext();
        if (ifMatch is not null)
        {
            context.Request.Headers.IfMatch = ifMatch;
        }
        return context.Request;
    }
}
