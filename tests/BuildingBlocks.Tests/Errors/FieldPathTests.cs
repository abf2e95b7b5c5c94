using Workforce.BuildingBlocks.Errors;

namespace Workforce.BuildingBlocks.Tests.Errors;

public sealed class FieldPathTests
{
    [Theory]
    [InlineData("UnitId", "unitId")]
    [InlineData("Items[0].UnitId", "items[0].unitId")]
    [InlineData("Address.PostCode", "address.postCode")]
    public void Validator_property_paths_are_named_as_in_the_json_body(string propertyPath, string fieldPath)
    {
        Assert.Equal(fieldPath, FieldPath.ToCamelCase(propertyPath));
    }

    [Theory]
    [InlineData("$.unionMember", "unionMember")]
    [InlineData("$.items[0].unitId", "items[0].unitId")]
    [InlineData("$", "$")]
    [InlineData("", "$")]
    [InlineData(null, "$")]
    public void Json_reader_paths_are_named_as_fields_with_the_whole_body_as_dollar(string? jsonPath, string fieldPath)
    {
        Assert.Equal(fieldPath, FieldPath.FromJsonPath(jsonPath));
    }
}
