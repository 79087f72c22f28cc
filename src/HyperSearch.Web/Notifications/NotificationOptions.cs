namespace HyperSearch.Web.Notifications;

/// <summary>
/// HyperSearch:Notifications: where the dashboard announces that a search ended or paused itself
/// (docs/dashboard.md, "Notifications"). Each URL receives a JSON POST; with a secret, the body's
/// HMAC-SHA256 travels in X-HyperSearch-Signature so a receiver can tell the sender is this server.
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "HyperSearch:Notifications";

    /// <summary>http(s) URLs; empty: no notifications (nothing is watched).</summary>
    public string[] Webhooks { get; set; } = [];

    /// <summary>Key of the X-HyperSearch-Signature header (sha256=hex of HMAC-SHA256 of the body); empty: unsigned.</summary>
    public string Secret { get; set; } = "";

    /// <summary>Tries per notification and URL (1 = no retry): a network error, a timeout, 408, 429 or a 5xx is tried again.</summary>
    public int Attempts { get; set; } = 5;

    /// <summary>The wait before the first retry; it doubles each time (2, 4, 8, 16 s by default).</summary>
    public double RetrySeconds { get; set; } = 2;

    /// <summary>Longest wait for one answer.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>One line per mistyped setting, naming the key (checked before the dashboard starts).</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        NotificationOptions options;
        try
        {
            options = configuration.GetSection(Section).Get<NotificationOptions>() ?? new NotificationOptions();
        }
        catch (InvalidOperationException e)
        {
            return [e.Message];
        }

        var problems = new List<string>();
        for (var i = 0; i < options.Webhooks.Length; i++)
        {
            if (!Uri.TryCreate(options.Webhooks[i], UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                problems.Add($"{Section}:Webhooks:{i}: '{options.Webhooks[i]}' is not an http(s) URL");
        }

        if (options.Attempts is < 1 or > 20) problems.Add($"{Section}:Attempts: must be from 1 to 20; got {options.Attempts}");
        if (!(options.RetrySeconds is >= 0 and <= 3600)) problems.Add($"{Section}:RetrySeconds: must be from 0 to 3600; got {options.RetrySeconds}");
        if (!(options.TimeoutSeconds is > 0 and <= 300)) problems.Add($"{Section}:TimeoutSeconds: must be more than 0 and at most 300; got {options.TimeoutSeconds}");
        return problems;
    }
}
