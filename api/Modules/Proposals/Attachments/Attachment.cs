using Workforce.BuildingBlocks.Files;

namespace Workforce.Proposals.Attachments;

/// <summary>A file attached to a proposal, as its proposal lists it.</summary>
internal sealed record Attachment
{
    public required Guid Id { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public required long Size { get; init; }
    public required DateTimeOffset UploadedAt { get; init; }

    public const string Columns = "a.id, a.file_name, a.content_type, a.size, a.uploaded_at";

    /// <summary>What a proposal's files are to the file store and its refusals (attachment_too_large…).</summary>
    public static readonly FileRole Role = new("attachment", new("attachment", "附件"));

    private static readonly ProblemCode NotFoundCode = new(404, "attachment_not_found", new("The attachment was not found.", "未找到该附件。"));

    public static ProblemException NotFound(Guid id) => NotFoundCode.With(new($"The proposal has no attachment {id}.", $"该提案没有附件 {id}。"));
}
