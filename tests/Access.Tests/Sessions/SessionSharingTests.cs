using System.Buffers.Text;
using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Workforce.Access.Tests.Sessions;

/// <summary>Another API instance over the same database, as a second process behind the load balancer would be.</summary>
internal sealed class SecondInstance(string connectionString) : WorkforceApi
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Workforce", connectionString);
    }
}

public sealed class SessionSharingTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task A_session_from_one_instance_is_accepted_by_another_over_the_same_database()
    {
        var session = await RawSession.SignInAsync(api, "admin", WorkforceApi.AdminPassword);
        await using var other = new SecondInstance(api.ConnectionString);
        var there = session.On(other);

        var me = await (await there.SendAsync(HttpMethod.Get, AccessApi.Me)).ExpectJsonAsync();
        var created = await there.SendAsync(HttpMethod.Post, AccessApi.Organisations,
            new { parentId = Scenario.Platform, kind = "region", name = TestIdentity.NewName("区域") });

        Assert.Equal("admin", me.Str("loginName"));
        await created.ExpectJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_session_cookie_is_sealed_with_a_key_kept_in_the_database()
    {
        var session = await RawSession.SignInAsync(api, "admin", WorkforceApi.AdminPassword);

        // A Data Protection payload starts with a 4-byte magic header and the 16-byte id of the key that sealed it.
        var payload = Base64Url.DecodeFromChars(session.Cookie("workforce_session").Value.ToString());
        var keyId = new Guid(payload.AsSpan(4, 16));

        var stored = await StoredKeysAsync();
        Assert.Contains(stored, key => Guid.Parse(key.Attribute("id")!.Value) == keyId);
    }

    [Fact]
    public async Task The_stored_keys_are_sealed_and_hold_no_plain_key_material()
    {
        await RawSession.SignInAsync(api, "admin", WorkforceApi.AdminPassword);

        var stored = await StoredXmlAsync();

        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.DoesNotContain("<masterKey", xml);
            Assert.Contains(XElement.Parse(xml).Descendants(), element => element.Name.LocalName == "sealedKey");
        });
    }

    private async Task<IReadOnlyList<XElement>> StoredKeysAsync() => (await StoredXmlAsync()).Select(xml => XElement.Parse(xml)).ToList();

    private async Task<IReadOnlyList<string>> StoredXmlAsync()
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        return (await connection.QueryAsync<string>("SELECT xml FROM access.data_protection_keys")).AsList();
    }
}
