using Microsoft.AspNetCore.Authentication;
using Workforce.Access.Authentication;

namespace Workforce.Access.Sessions;

internal static class LogoutEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(AccessSchemes.Session);
            return TypedResults.NoContent();
        })
        .AllowedBeforeOwnPassword()
        .WithName("Logout")
        .WithTags("Sessions")
        .WithSummary("End the session")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblems(401, 403);
}
