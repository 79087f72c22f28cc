using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using HyperSearch.Core.Searches;
using HyperSearch.Web.Tests.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HyperSearch.Web.Tests.Security;

/// <summary>
/// Malformed requests generated for every /api endpoint the app maps (found from its routing, so a
/// new endpoint is fuzzed too): bad path ids, bad query values, bad bodies, wrong methods. None may
/// get a 5xx, and every 4xx must carry a ProblemDetails body saying what is wrong.
/// </summary>
public sealed class ApiFuzzTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static readonly string[] Ids = ["1", "2", "77", "abc", "-1", "0", "1.5", "99999999999999999999", "%ED%A0%80", "1%20OR%201=1"];

    private static readonly string[] Queries =
    [
        "skip=abc", "take=-1", "take=abc", "take=100000", "desc=maybe", "state=zzz", "state=%00", "sort=%ED%A0%80",
        "decay=nope", "format=xml", "skip=99999999999999999999", "take=1e308",
    ];

    private static readonly (string Body, string ContentType)[] Bodies =
    [
        ("", "application/json"), ("{}", "application/json"), ("[]", "application/json"), ("null", "application/json"),
        ("{", "application/json"), ("{\"priority\":{}}", "application/json"), ("{\"priority\":\"1\"}", "application/json"),
        ("{\"priority\":1e308}", "application/json"), ("{\"priority\":1.5}", "application/json"), ("{\"priority\":1,\"x\":2}", "application/json"),
        ("{\"name\":\"a\\u0000b\",\"workload\":\"w\",\"budget\":1,\"epochs\":1,\"space\":{}}", "application/json"),
        ("{\"name\":\"\\ud800\",\"workload\":\"w\",\"budget\":1,\"epochs\":1,\"space\":{}}", "application/json"),
        ("{\"\\udc00\":1}", "application/json"),
        ("{\"name\":\"n\",\"workload\":\"two-spirals\",\"budget\":1,\"epochs\":1,\"pruner\":{\"type\":\"median\",\"bogus\":1},\"space\":{\"initialLr\":{\"low\":0.001,\"high\":0.1},\"decay\":{\"cosine\":{\"tMax\":1e308}}}}", "application/json"),
        ("{\"budget\":99999999999999999999}", "application/json"),
        (new string('[', 5000) + new string(']', 5000), "application/json"),
        ("{\"priority\":1}", "text/plain"), ("priority=1", "application/x-www-form-urlencoded"),
        ("{\"name\":\"" + new string('x', 1_100_000) + "\"}", "application/json"),
    ];

    private static IEnumerable<(string Method, string Pattern)> ApiEndpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api") == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText!)))
            .Distinct();

    private static IEnumerable<HttpRequestMessage> Requests(string method, string pattern)
    {
        var ids = pattern.Contains('{') ? Ids : [""];
        foreach (var id in ids)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(pattern, "\\{[^}]+\\}", id);
            var wrong = method == "GET" ? HttpMethod.Post : HttpMethod.Get;
            yield return new HttpRequestMessage(wrong, path) { Content = wrong == HttpMethod.Post ? Json("{}") : null };
            if (method == "GET")
                foreach (var query in Queries) yield return new HttpRequestMessage(HttpMethod.Get, $"{path}?{query}");
            else
                foreach (var (body, type) in Bodies)
                    yield return new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, type) };
        }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task EveryApiEndpoint_MalformedRequests_No5xxAndEvery4xxSaysWhatIsWrong()
    {
        lock (factory.Store) if (factory.Store.Searches.Count == 0) { factory.Store.AddSearch("running"); factory.Store.AddSearch("done", SearchState.Completed); }
        var client = factory.CreateClient();
        var endpoints = ApiEndpoints(factory.Services).ToList();
        var failures = new List<string>();
        var sent = 0;

        foreach (var (method, pattern) in endpoints)
        foreach (var request in Requests(method, pattern))
        {
            var label = $"{request.Method} {request.RequestUri}";
            using var response = await client.SendAsync(request);
            sent++;
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            if (status >= 500) failures.Add($"{label}: {status} {body[..Math.Min(body.Length, 200)]}");
            else if (status >= 400 && Problem(body) is { } missing) failures.Add($"{label}: {status} {missing}");
        }

        Assert.True(endpoints.Count >= 10, $"only {endpoints.Count} API endpoints found");
        Assert.True(sent >= 300, $"only {sent} requests");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
    }

    /// <summary>Null when the body is a ProblemDetails with a title, and for 400 a detail or field errors; else what is missing.</summary>
    private static string? Problem(string body)
    {
        if (body.Length == 0) return "empty body";
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (!root.TryGetProperty("title", out var title) || string.IsNullOrWhiteSpace(title.GetString())) return "no title: " + body;
            var status = root.TryGetProperty("status", out var s) ? s.GetInt32() : 0;
            if (status == 400 && !root.TryGetProperty("detail", out _) && !root.TryGetProperty("errors", out _)) return "a 400 without detail or errors: " + body;
            return null;
        }
        catch (JsonException)
        {
            return "not JSON: " + body[..Math.Min(body.Length, 200)];
        }
    }

    [Fact]
    public async Task AnyEndpoint_DatabaseLocked_Returns503WithRetryAfter()
    {
        using var locked = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.RemoveAll<ITrialStore>();
            s.AddSingleton(DispatchProxy.Create<ITrialStore, LockedStore>());
        }));
        var client = locked.CreateClient();

        using var response = await client.GetAsync("/api/searches/1");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Contains("database is locked", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnyEndpoint_UnexpectedException_Returns500ProblemWithTraceId()
    {
        using var broken = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.RemoveAll<ITrialStore>();
            s.AddSingleton(DispatchProxy.Create<ITrialStore, BrokenStore>());
        }));
        var client = broken.CreateClient();

        using var response = await client.PostAsync("/api/searches/1/pause", Json(""));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("traceId").GetString()));
    }

    /// <summary>A store whose database file is write-locked by another process.</summary>
    public class LockedStore : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => throw new SqliteException("database is locked", 5);
    }

    /// <summary>A store with a bug.</summary>
    public class BrokenStore : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => throw new InvalidOperationException("a bug");
    }
}
