namespace MediaPlatform.Node.Management;

/// <summary>The ProblemDetails the management routes answer with; operators' scripts read <c>detail</c>.</summary>
public static class ManagementProblems
{
    public static IResult BadRequest(string detail) => Results.Problem(title: "Invalid request", detail: detail, statusCode: 400);

    public static IResult NotFound(string detail) => Results.Problem(title: "Not found", detail: detail, statusCode: 404);

    public static IResult Unauthorized(string detail) => Results.Problem(title: "Unauthorized", detail: detail, statusCode: 401);

    public static IResult Forbidden(string detail) => Results.Problem(title: "Forbidden", detail: detail, statusCode: 403);

    public static IResult Unavailable(string detail) => Results.Problem(title: "Temporarily unavailable", detail: detail, statusCode: 503);
}
