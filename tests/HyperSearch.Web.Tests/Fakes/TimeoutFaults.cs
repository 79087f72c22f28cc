using HyperSearch.Core.Faults;

namespace HyperSearch.Web.Tests.Fakes;

/// <summary>The component tests' fault detector: a <see cref="TimeoutException"/> is the database not answering (as the real detector says).</summary>
public sealed class TimeoutFaults : ITransientFaultDetector
{
    public bool IsTransient(Exception exception) => exception is TimeoutException;

    public string Describe(Exception exception) => "database timed out";
}
