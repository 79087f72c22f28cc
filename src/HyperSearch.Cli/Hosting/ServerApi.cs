using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using HyperSearch.Core.Json;
using HyperSearch.Core.Searches;

namespace HyperSearch.Cli.Hosting;

/// <summary>
/// The server commands through the REST API instead of the database: <c>--server URL</c> with a
/// personal access token (<c>--token</c>, or HYPERSEARCH_TOKEN so it stays out of shell history).
/// The server authorises each call; 401/403 become one line and exit 1.
/// </summary>
public sealed class ServerApi(Uri server) : IDisposable
{
    public const string TokenVariable = "HYPERSEARCH_TOKEN";

    private readonly HttpClient http = new() { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };

    public static ServerApi? From(string? server, string? token, CliConsole console, out int exit)
    {
        exit = CliConsole.Ok;
        if (server is null) return null;
        token ??= Environment.GetEnvironmentVariable(TokenVariable);
        if (!Uri.TryCreate(server, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            console.Error.WriteLine("--server: must be an http(s) URL, e.g. http://gpu-box:5180");
            exit = CliConsole.InputError;
            return null;
        }
        var api = new ServerApi(url);
        if (token is { Length: > 0 }) api.http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return api;
    }

    public async Task<int> ListAsync(CliConsole console, CancellationToken ct)
    {
        using var response = await http.GetAsync("/api/searches?take=1000", ct);
        if (await RefusedAsync(response, console) is { } exit) return exit;
        var searches = await response.Content.ReadFromJsonAsync<List<SearchSummary>>(HyperJson.Options, ct) ?? [];
        SearchReadActions.WriteTable(console, searches);
        return CliConsole.Ok;
    }

    public async Task<int> CancelAsync(long id, CliConsole console, CancellationToken ct)
    {
        // The API takes writes as JSON only (ApiRequestGuard), even bodiless ones.
        using var response = await http.PostAsync($"/api/searches/{id}/cancel", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return SearchReadActions.NotFound(console, id);
        if (await RefusedAsync(response, console) is { } exit) return exit;
        console.Output.WriteLine($"search {id} cancelled");
        return CliConsole.Ok;
    }

    private static async Task<int?> RefusedAsync(HttpResponseMessage response, CliConsole console)
    {
        if (response.IsSuccessStatusCode) return null;
        var detail = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => $"the server wants a valid token (--token or {TokenVariable}): {response.Headers.WwwAuthenticate}",
            HttpStatusCode.Forbidden => (await response.Content.ReadFromJsonAsync<ProblemText>())?.Title ?? "forbidden",
            HttpStatusCode.Conflict => (await response.Content.ReadFromJsonAsync<ProblemText>())?.Title ?? "conflict",
            _ => $"HTTP {(int)response.StatusCode}",
        };
        console.Error.WriteLine($"hypersearch: {detail}");
        return CliConsole.Failed;
    }

    public void Dispose() => http.Dispose();

    private sealed record ProblemText(string? Title);
}
