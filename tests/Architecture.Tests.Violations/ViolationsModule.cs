using Microsoft.Extensions.DependencyInjection;
using Workforce.Directory;

namespace Workforce.Violations;

// Allowed: the module's static entry point. Calling AddDirectory makes the forbidden reference a compiled one.
public static class ViolationsModule
{
    public static IServiceCollection AddViolations(this IServiceCollection services) => services.AddDirectory();
}
