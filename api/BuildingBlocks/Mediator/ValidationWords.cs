using FluentValidation;
using Workforce.BuildingBlocks.Text;

namespace Workforce.BuildingBlocks.Mediator;

public static class ValidationWords
{
    /// <summary>The rule's message, said in the language of the request being validated.</summary>
    public static IRuleBuilderOptions<T, TProperty> WithMessage<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Words message) =>
        rule.WithMessage(_ => message.Said);

    /// <summary>A calendar year the figures can be asked for.</summary>
    public static IRuleBuilderOptions<T, int> BeAYear<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1900, 2999).WithMessage(new Words("Ask for a year between 1900 and 2999.", "请指定 1900 至 2999 年之间的年份。"));
}
