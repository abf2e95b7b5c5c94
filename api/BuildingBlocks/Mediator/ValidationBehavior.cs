using Workforce.BuildingBlocks.Text;
using FluentValidation;
using MediatR;
using Workforce.BuildingBlocks.Errors;
using Workforce.BuildingBlocks.Paging;

namespace Workforce.BuildingBlocks.Mediator;

/// <summary>
/// Runs the request's validators before anything else touches it; failures become one 422 with a field map. A null
/// element of any of its collections is refused first, so that no validator or handler meets one. A list (any
/// <see cref="PageQuery"/>) is held to the paging rules as well, without a validator of its own saying so.
/// </summary>
internal sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly PageQueryValidator PageRules = new();

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not null && NullElements.Find(request) is { Count: > 0 } nulls)
        {
            throw ProblemException.Validation(nulls.ToDictionary(FieldPath.ToCamelCase, _ => new[] { new Words("This element may not be null.", "此元素不能为空（null）。").Said }));
        }
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        if (request is PageQuery page)
        {
            failures.AddRange(PageRules.Validate(page).Errors);
        }
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(request, cancellationToken);
            failures.AddRange(result.Errors);
        }
        if (failures.Count > 0)
        {
            throw ProblemException.Validation(failures
                .GroupBy(f => FieldPath.ToCamelCase(f.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray()));
        }
        return await next();
    }
}
