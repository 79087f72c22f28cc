namespace HyperSearch.Core.Space;

/// <summary>
/// One leaf of the space flattened for samplers. <see cref="Path"/> is the JSON path of its
/// distribution in the space file (<c>decay.step.gamma</c>); <see cref="Section"/> and
/// <see cref="Name"/> say where its value goes in the trial config (<c>decay</c> / <c>gamma</c>;
/// Name is null for the top-level scalars initialLr and batchSize). <see cref="Branch"/> is the decay
/// type the dimension belongs to, null when every branch has it.
/// </summary>
public sealed record SpaceDimension(string Path, string Section, string? Name, Distribution Distribution, string? Branch);
