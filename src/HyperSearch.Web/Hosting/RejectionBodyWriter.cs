using System.IO.Pipelines;

namespace HyperSearch.Web.Hosting;

/// <summary>
/// A connection's output as Kestrel writes it, passed through unchanged except for Kestrel's own
/// bodiless rejections (<see cref="KestrelRejection"/>), which it writes again with a body. Such a
/// rejection is one header block written at once, first after a flush; the check looks only there,
/// so the bytes of every other response cost a counter.
/// </summary>
internal sealed class RejectionBodyWriter(PipeWriter inner) : PipeWriter
{
    private Memory<byte> handedOut;
    private long unflushed;

    public override Memory<byte> GetMemory(int sizeHint = 0) => handedOut = inner.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => (handedOut = inner.GetMemory(sizeHint)).Span;

    public override void Advance(int bytes)
    {
        if (unflushed == 0 && bytes <= KestrelRejection.MaxLength && bytes <= handedOut.Length
            && KestrelRejection.Rewrite(handedOut.Span[..bytes]) is { } rewritten)
        {
            // Nothing of the original was advanced: the writer's next memory starts where it was written.
            rewritten.CopyTo(inner.GetSpan(rewritten.Length));
            bytes = rewritten.Length;
        }
        inner.Advance(bytes);
        unflushed += bytes;
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        unflushed = 0;
        return inner.FlushAsync(cancellationToken);
    }

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes;
}
