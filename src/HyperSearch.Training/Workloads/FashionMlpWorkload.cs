using HyperSearch.Training.Data;

namespace HyperSearch.Training.Workloads;

/// <summary>784-256-10 MLP on Fashion-MNIST; by default 12k train / 3k validation (an epoch ≈ 0.5 s on 2 cores).</summary>
public sealed class FashionMlpWorkload(WorkloadOptions options) : FashionWorkload(options, 12_000, 3_000)
{
    public const string WorkloadName = "fashion-mlp";

    public override string Name => WorkloadName;
    public override string Description => "Fashion-MNIST, MLP 784-256-10";
    public override ModelSpec Model { get; } = ModelSpec.Mlp(TaskKind.Classification, FashionMnist.Pixels, 256, FashionMnist.Classes);
}
