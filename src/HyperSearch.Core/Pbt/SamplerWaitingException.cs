namespace HyperSearch.Core.Pbt;

/// <summary>
/// The sampler has nothing to propose now but will have once running trials finish (a PBT member
/// continues only after its segment ends). Not exhaustion: the worker asks again later.
/// </summary>
public sealed class SamplerWaitingException(string message) : Exception(message);
