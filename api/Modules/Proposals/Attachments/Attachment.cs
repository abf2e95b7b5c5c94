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

    public static ProblemException NotFound(Guid id) => ProblemException.NotFound("attachment_not_found", $"The proposal has no attachment {id}.");
}
