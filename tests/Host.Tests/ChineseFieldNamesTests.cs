using System.Globalization;
using System.Reflection;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Workforce.BuildingBlocks.Modules;

namespace Workforce.Host.Tests;

/// <summary>
/// A validation message in Chinese names its field in Chinese: every property any module's validator checks has a
/// Chinese name (<see cref="IModule.ChineseFieldNames"/>), so that no message says "'Employee Number' 不能为空。".
/// </summary>
public sealed class ChineseFieldNamesTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public void Every_validated_property_has_a_Chinese_name()
    {
        using var scope = api.Services.CreateScope();
        var validators = scope.ServiceProvider.GetServices<IModule>()
            .SelectMany(module => new[] { module.GetType().Assembly }.Concat(ContractsOf(module)))
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IValidator).IsAssignableFrom(type))
            .Select(type => Construct(type, scope.ServiceProvider))
            .ToList();
        Assert.NotEmpty(validators);

        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            var unnamed = validators
                .SelectMany(validator => validator.CreateDescriptor().GetMembersWithValidators()
                    .Where(member => member.Key is not null) // a rule on the whole request names no field
                    .Select(member => (Type: ValidatedType(validator), Property: member.Key)))
                // A rule may name its field in camelCase (OverridePropertyName("file")).
                .Where(m => m.Type.GetProperty(m.Property, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is not { } property ||
                            ValidatorOptions.Global.DisplayNameResolver(m.Type, property, null) is not { Length: > 0 })
                .Select(m => $"{m.Type.Name}.{m.Property}")
                .Distinct()
                .Order(StringComparer.Ordinal)
                .ToList();
            Assert.True(unnamed.Count == 0, "No Chinese name for: " + string.Join(", ", unnamed));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>The validator, its services from the container and its plain values (a child validator's today) defaulted.</summary>
    private static IValidator Construct(Type type, IServiceProvider services)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters()
            .Select(p => services.GetService(p.ParameterType) ?? (p.ParameterType == typeof(string) ? p.Name : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null))
            .ToArray();
        return (IValidator)constructor.Invoke(arguments);
    }

    private static IEnumerable<Assembly> ContractsOf(IModule module)
    {
        var name = module.GetType().Assembly.GetName().Name + ".Contracts";
        return module.GetType().Assembly.GetReferencedAssemblies().Where(a => a.Name == name).Select(Assembly.Load);
    }

    private static Type ValidatedType(IValidator validator)
    {
        for (var type = validator.GetType(); type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
            {
                return type.GetGenericArguments()[0];
            }
        }
        throw new InvalidOperationException($"{validator.GetType()} is not an AbstractValidator.");
    }
}
