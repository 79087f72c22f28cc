using HyperSearch.Core.Faults;
using HyperSearch.Data.Accounts;

namespace HyperSearch.Web.Accounts;

/// <summary>
/// Writes the API tokens' last uses (noted in memory by <see cref="ApiTokens.CheckAsync"/>) every
/// <see cref="Interval"/>, off the request path: an API call never waits for, or fails at, this write.
/// While the database is locked or away the uses stay noted and are written once it answers.
/// </summary>
public sealed class TokenUseWriter(ApiTokens tokens, ITransientFaultDetector faults, TimeProvider time, ILogger<TokenUseWriter> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await WriteAsync(stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await WriteAsync(cancellationToken); // the last uses before shutdown, if the database answers
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await tokens.WriteLastUsesAsync(cancellationToken);
        }
        catch (Exception e) when (faults.IsTransient(e) || e is OperationCanceledException)
        {
            logger.LogDebug("Token last uses not written yet ({Reason}); retrying in {Interval}", faults.Describe(e), Interval);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Writing the API tokens' last uses failed");
        }
    }
}
