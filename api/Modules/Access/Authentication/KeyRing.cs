using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workforce.BuildingBlocks.Protection;

namespace Workforce.Access.Authentication;

/// <summary>
/// The Data Protection key ring (what session cookies and antiforgery tokens are sealed with) lives in PostgreSQL,
/// so every API instance reads the sessions the others issued. Keys are encrypted at rest with the sensitive-data
/// key, so reading the table is not enough to forge a session.
/// </summary>
/// <remarks>Data Protection builds its options while the host is assembled, before the database runs: the data source is looked up on first use.</remarks>
internal sealed class KeyRingStore(IServiceProvider services) : IXmlRepository
{
    private NpgsqlDataSource DataSource => services.GetRequiredService<NpgsqlDataSource>();

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = DataSource.OpenConnection();
        return connection.Query<string>("SELECT xml FROM access.data_protection_keys ORDER BY created_at")
            .Select(xml => XElement.Parse(xml))
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = DataSource.OpenConnection();
        connection.Execute(
            "INSERT INTO access.data_protection_keys (id, friendly_name, xml) VALUES (@Id, @FriendlyName, @Xml)",
            new { Id = Guid.CreateVersion7(), FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
    }
}

internal sealed class KeyRingEncryptor(SensitiveData sensitive) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) => new(
        new XElement("sealedKey", Convert.ToBase64String(sensitive.Encrypt(plaintextElement.ToString(SaveOptions.DisableFormatting)))),
        typeof(KeyRingDecryptor));
}

/// <summary>Created by Data Protection from the type name stored beside each key, hence the service provider.</summary>
internal sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        XElement.Parse(services.GetRequiredService<SensitiveData>().Decrypt(Convert.FromBase64String(encryptedElement.Value)));
}
