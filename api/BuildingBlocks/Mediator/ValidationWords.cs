using FluentValidation;
using Workforce.BuildingBlocks.Text;

namespace Workforce.BuildingBlocks.Mediator;

public static class ValidationWords
{
    /// <summary>The rule's message, said in the language of the request being validated.</summary>
    public static IRuleBuilderOptions<T, TProperty> WithMessage<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Words message) =>
        rule.WithMessage(_ => message.Said);
}
