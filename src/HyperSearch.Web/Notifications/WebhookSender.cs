using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace HyperSearch.Web.Notifications;

/// <summary>
/// Posts one event to one URL, trying again with a doubling wait after a network error, a timeout,
/// 408, 429 or a 5xx (a receiver that is restarting); another 4xx is the receiver's final answer.
/// Every outcome is logged; the last failure as an error naming the URL and the event.
/// </summary>
public sealed class WebhookSender(HttpClient http, IOptions<NotificationOptions> options, TimeProvider time, ILogger<WebhookSender> logger)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <returns>Whether the receiver took it (2xx).</returns>
    public async Task<bool> SendAsync(string url, SearchEvent notification, CancellationToken ct)
    {
        var settings = options.Value;
        var body = JsonSerializer.Serialize(notification, Json);
        var wait = TimeSpan.FromSeconds(settings.RetrySeconds);
        for (var attempt = 1; ; attempt++)
        {
            string outcome;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Add("X-HyperSearch-Event", notification.Event);
                request.Headers.Add("X-HyperSearch-Delivery", notification.Id);
                if (settings.Secret.Length > 0) request.Headers.Add("X-HyperSearch-Signature", Signature(settings.Secret, body));
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
                using var response = await http.SendAsync(request, timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    logger.LogInformation("Webhook {Url}: {Event} of search {SearchId} delivered (attempt {Attempt})", url, notification.Event, notification.Search.Id, attempt);
                    return true;
                }

                outcome = $"answered {(int)response.StatusCode}";
                if (!Retryable(response.StatusCode))
                {
                    logger.LogError("Webhook {Url}: {Event} of search {SearchId} refused ({Outcome}); not tried again", url, notification.Event, notification.Search.Id, outcome);
                    return false;
                }
            }
            catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !ct.IsCancellationRequested))
            {
                outcome = e is OperationCanceledException ? $"no answer within {settings.TimeoutSeconds} s" : e.Message;
            }

            if (attempt >= settings.Attempts)
            {
                logger.LogError("Webhook {Url}: {Event} of search {SearchId} not delivered after {Attempts} attempts (last: {Outcome})",
                    url, notification.Event, notification.Search.Id, attempt, outcome);
                return false;
            }

            logger.LogWarning("Webhook {Url}: {Event} of search {SearchId}, attempt {Attempt} failed ({Outcome}); trying again in {Wait} s",
                url, notification.Event, notification.Search.Id, attempt, outcome, wait.TotalSeconds);
            await Task.Delay(wait, time, ct);
            wait *= 2;
        }
    }

    /// <summary><c>sha256=</c> and the lower-case hex HMAC-SHA256 of the body under the secret.</summary>
    public static string Signature(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private static bool Retryable(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}
