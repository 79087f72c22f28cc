using Microsoft.EntityFrameworkCore.Storage;

namespace HyperSearch.Data.Store;

/// <summary>A write transaction plus, on SQLite, the held write gate; disposing rolls back if not committed and releases both.</summary>
internal sealed class WriteScope(IDbContextTransaction transaction, IDisposable? gate) : IAsyncDisposable
{
    /// <summary>Commits and releases the gate at once, so the caller may start another write transaction.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await transaction.CommitAsync(cancellationToken);
        gate?.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            gate?.Dispose();
        }
    }
}
