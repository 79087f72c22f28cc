namespace HyperSearch.Web.Accounts;

/// <summary>The host part of a server address as Kestrel reports it (scheme://host:port).</summary>
public sealed record BindingAddress(string Host)
{
    public static bool TryParse(string address, out BindingAddress binding)
    {
        binding = new BindingAddress("");
        var schemeEnd = address.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0) return false;
        var rest = address[(schemeEnd + 3)..];
        var slash = rest.IndexOf('/');
        if (slash >= 0) rest = rest[..slash];
        var host = rest.StartsWith('[') ? rest[..(rest.IndexOf(']') + 1)] : rest.Split(':')[0];
        binding = new BindingAddress(host);
        return host.Length > 0;
    }
}
