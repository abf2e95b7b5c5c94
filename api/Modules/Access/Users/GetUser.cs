namespace Workforce.Access.Users;

internal sealed record GetUser(Guid UserId) : IQuery<User>;

internal sealed class GetUserHandler(DbSession db, CurrentActor actor, IMediator mediator) : IRequestHandler<GetUser, User>
{
    public async Task<User> Handle(GetUser request, CancellationToken cancellationToken)
    {
        var user = await User.FindAsync(db, actor.TenantId, request.UserId, forUpdate: false, cancellationToken) ?? throw User.NotFound(request.UserId);
        return (await User.WithWorkersAsync(mediator, actor, [user], cancellationToken))[0];
    }
}

internal static class GetUserEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/users/{id:guid}", async (Guid id, HttpResponse response, IMediator mediator, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(new GetUser(id), ct), response))
        .RequirePermission(AccessPermissions.UsersRead)
        .WithName("GetUser")
        .WithTags("Users")
        .WithSummary("Get a user account with its roles and its worker, and its ETag")
        .Produces<User>()
        .ProducesProblems(401, 403, 404);
}
