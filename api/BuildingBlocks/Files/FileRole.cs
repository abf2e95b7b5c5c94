using Workforce.BuildingBlocks.Errors;
using Workforce.BuildingBlocks.Text;

namespace Workforce.BuildingBlocks.Files;

/// <summary>
/// What an uploaded file is to the module that keeps it (a congress document, a proposal's attachment): its name in
/// the refusals' codes (<c>document_too_large</c>) and its noun in their words. A module declares each as a static field.
/// </summary>
public sealed record FileRole(string Name, Words Noun)
{
    public ProblemCode TooLarge => new(413, $"{Name}_too_large", new($"The {Noun.English} is too large.", $"{Noun.Chinese}过大。"));

    public ProblemCode TypeNotAllowed => new(415, $"{Name}_type_not_allowed",
        new($"This kind of file cannot be a {Noun.English}.", $"这种类型的文件不能作为{Noun.Chinese}。"));

    public ProblemCode ContentMismatch => new(422, $"{Name}_content_mismatch",
        new("The file is not what it says it is.", "文件的内容与其名称或类型不符。"));

    public ProblemCode ImageTooLarge => new(422, $"{Name}_image_too_large", new("The image is too large.", "图片尺寸过大。"));

    public IEnumerable<ProblemCode> Codes => [TooLarge, TypeNotAllowed, ContentMismatch, ImageTooLarge];
}
