namespace Workforce.BuildingBlocks.Errors;

/// <summary>
/// The refusals every module shares: one per HTTP status the framework itself answers (an unknown route, a wrong
/// method), and those of the building blocks (bodies, parameters, paging, versions, idempotency, lifecycles).
/// </summary>
public static class Problems
{
    public static readonly ProblemCode BadRequest = new(400, "bad_request", new("The request is malformed.", "请求的格式不正确。"));
    public static readonly ProblemCode MalformedBody = new(400, "malformed_body", new("The body is not what this operation takes.", "请求内容不符合此操作的要求。"));
    public static readonly ProblemCode InvalidParameter = new(400, "invalid_parameter", new("A parameter is missing or not valid.", "参数缺失或不正确。"));
    public static readonly ProblemCode InvalidCursor = new(400, "invalid_cursor", new("The cursor is not one this list returned.", "翻页位置无效。"));
    public static readonly ProblemCode OrganisationRequired = new(400, "organisation_required", new("Say which organisation you act for.", "请指明您代表哪个组织操作。"));
    public static readonly ProblemCode IdempotencyKeyInvalid = new(400, "idempotency_key_invalid", new("The Idempotency-Key is not valid.", "幂等键（Idempotency-Key）无效。"));
    public static readonly ProblemCode Unauthenticated = new(401, "unauthenticated", new("Sign in first.", "请先登录。"));
    public static readonly ProblemCode Forbidden = new(403, "forbidden", new("You may not do this.", "您无权进行此操作。"));
    public static readonly ProblemCode NotFound = new(404, "not_found", new("The resource was not found.", "未找到所请求的内容。"));
    public static readonly ProblemCode MethodNotAllowed = new(405, "method_not_allowed", new("This address does not take this method.", "此地址不接受这种请求方法。"));
    public static readonly ProblemCode NotAcceptable = new(406, "not_acceptable", new("The answer cannot be given in a format the request accepts.", "无法以请求所接受的格式答复。"));
    public static readonly ProblemCode Conflict = new(409, "conflict", new("The request conflicts with the current state.", "请求与当前状态冲突。"));
    public static readonly ProblemCode TransitionNotAllowed = new(409, "transition_not_allowed", new("This step is not open from the current status.", "当前状态下不能进行此操作。"));
    public static readonly ProblemCode IdempotencyInFlight = new(409, "idempotency_in_flight", new("A request with this key is still being carried out.", "使用此幂等键的请求仍在处理中。"));
    public static readonly ProblemCode LengthRequired = new(411, "length_required", new("The request must state its length.", "请求须注明内容长度。"));
    public static readonly ProblemCode PreconditionFailed = new(412, "precondition_failed", new("The resource was changed by someone else.", "内容已被他人修改。"));
    public static readonly ProblemCode PayloadTooLarge = new(413, "payload_too_large", new("The request body is too large.", "请求内容过大。"));
    public static readonly ProblemCode UnsupportedMediaType = new(415, "unsupported_media_type", new("The body is not of a type this operation takes.", "请求内容的类型不受支持。"));
    public static readonly ProblemCode ValidationFailed = new(422, "validation_failed", new("The request has invalid fields.", "有字段填写不正确。"));
    public static readonly ProblemCode UnknownReference = new(422, "unknown_reference", new("The request refers to something that does not exist.", "请求所引用的内容不存在。"));
    public static readonly ProblemCode IdempotencyKeyReused = new(422, "idempotency_key_reused", new("The key was used for another request.", "此幂等键已用于另一个请求。"));
    public static readonly ProblemCode PreconditionRequired = new(428, "precondition_required", new("The request must be conditional.", "请求须带上所改内容的版本（If-Match）。"));
    public static readonly ProblemCode TooManyRequests = new(429, "too_many_requests", new("Too many requests.", "请求过于频繁，请稍后再试。"));
    public static readonly ProblemCode InternalError = new(500, "internal_error", new("Something went wrong on our side.", "服务器内部出错。"));
    public static readonly ProblemCode Unavailable = new(503, "unavailable", new("The service is not available.", "服务暂不可用。"));
    public static readonly ProblemCode DatabaseUnavailable = new(503, "database_unavailable", new("The database is not available.", "数据库暂不可用。"));

    private static readonly ProblemCode[] ByStatus =
    [
        BadRequest, Unauthenticated, Forbidden, NotFound, MethodNotAllowed, NotAcceptable, Conflict, LengthRequired,
        PreconditionFailed, PayloadTooLarge, UnsupportedMediaType, ValidationFailed, PreconditionRequired, TooManyRequests,
        InternalError, Unavailable,
    ];

    /// <summary>The general refusal of <paramref name="status"/>, for what the framework answers by itself.</summary>
    public static ProblemCode OfStatus(int status) =>
        ByStatus.FirstOrDefault(p => p.Status == status) ?? (status >= 500 ? InternalError : BadRequest);
}
