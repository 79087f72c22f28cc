namespace HyperSearch.Web.Api;

/// <summary>
/// The <c>Idempotency-Key</c> request header of POST /api/searches (the IETF httpapi draft's): a
/// client that sends a launch again with the same key — a retry after a timeout or a lost answer —
/// gets the first search back instead of a second one.
/// </summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 255;

    /// <summary>The key (null when absent), or the problem with it.</summary>
    public static (string? Key, string? Problem) Read(HttpRequest request)
    {
        if (!request.Headers.TryGetValue(Header, out var values)) return (null, null);
        if (values.Count != 1) return (null, "must be sent once");
        var key = values[0] ?? "";
        if (key.Length is 0 or > MaxLength) return (null, $"must be 1 to {MaxLength} characters");
        if (key.Any(c => c is < '!' or > '~')) return (null, "must be printable ASCII without spaces (e.g. a UUID)");
        return (key, null);
    }
}
