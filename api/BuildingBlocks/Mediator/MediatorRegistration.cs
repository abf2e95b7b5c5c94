using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Workforce.BuildingBlocks.Mediator;

public static class MediatorRegistration
{
    private static readonly Type[] HandlerInterfaces = [typeof(IRequestHandler<,>), typeof(INotificationHandler<>)];

    /// <summary>
    /// MediatR 5.1.0 wired by hand: the mediator resolves everything through a <see cref="ServiceFactory"/> over the
    /// request's scope; handlers and validators are found by scanning the module assemblies. Behaviours run in the
    /// order registered: logging, then validation, then the transaction, then the handler.
    /// </summary>
    public static IServiceCollection AddMediator(this IServiceCollection services, IEnumerable<Assembly> assemblies)
    {
        // A field's first broken rule is the one to report; the rules after it may assume it held.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, MediatR.Mediator>();
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(TransactionBehavior<,>));

        foreach (var type in assemblies.Distinct().SelectMany(a => a.GetTypes()).Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType))
            {
                var definition = contract.GetGenericTypeDefinition();
                // Validators of parts of requests (a worker's fields) are included by their requests' validators, not resolved.
                if (HandlerInterfaces.Contains(definition) || definition == typeof(IValidator<>) && typeof(IBaseRequest).IsAssignableFrom(contract.GenericTypeArguments[0]))
                {
                    services.AddTransient(contract, type);
                }
            }
        }
        return services;
    }
}
