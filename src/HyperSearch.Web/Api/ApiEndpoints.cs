namespace HyperSearch.Web.Api;

public static class ApiEndpoints
{
    /// <summary>The JSON API under /api (document at /openapi/v1.json).</summary>
    public static IEndpointRouteBuilder MapHyperSearchApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").DisableAntiforgery();
        api.MapSearchEndpoints();
        api.MapTrialEndpoints();
        api.MapDecayEndpoints();
        api.MapWorkloadEndpoints();
        api.MapAnnotationEndpoints();
        return endpoints;
    }
}
