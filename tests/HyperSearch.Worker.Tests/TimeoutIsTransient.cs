using HyperSearch.Core.Faults;

namespace HyperSearch.Worker.Tests;

/// <summary>Unit-test classifier: a <see cref="TimeoutException"/> stands for a passing database fault.</summary>
public sealed class TimeoutIsTransient : ITransientFaultDetector
{
    public bool IsTransient(Exception exception) => exception is TimeoutException;

    public string Describe(Exception exception) => exception.Message;
}
