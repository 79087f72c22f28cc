using System.IO.Pipelines;

namespace HyperSearch.Web.Hosting;

/// <summary>A connection's transport with its output through <see cref="RejectionBodyWriter"/>.</summary>
internal sealed class RejectionBodyPipe(IDuplexPipe transport) : IDuplexPipe
{
    public PipeReader Input { get; } = transport.Input;

    public PipeWriter Output { get; } = new RejectionBodyWriter(transport.Output);
}
