using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HyperSearch.Core.Searches;

namespace HyperSearch.Web.Launch;

/// <summary>What identifies a launch request (hex SHA-256), so a retry with its idempotency key is told from another request reusing it.</summary>
public static class LaunchFingerprint
{
    /// <summary>The API's request body, byte for byte as sent.</summary>
    public static string Of(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));

    /// <summary>The launch form's spec as it would be stored (team and launcher included).</summary>
    public static string Of(SearchSpec spec) => Of(JsonSerializer.Serialize(spec));
}
