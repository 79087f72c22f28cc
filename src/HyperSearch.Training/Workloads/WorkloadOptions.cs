using HyperSearch.Training.Data;

namespace HyperSearch.Training.Workloads;

/// <summary>Where the built-in workloads find their data and how much of it they use.</summary>
public sealed record WorkloadOptions
{
    /// <summary>Configuration key of <see cref="FashionMnistPath"/> in appsettings.json.</summary>
    public const string FashionMnistPathKey = "HyperSearch:Datasets:FashionMnist";

    public string FashionMnistPath { get; init; } = FashionMnist.DefaultDirectory;

    /// <summary>Training samples of the Fashion workloads; null = the workload's default.</summary>
    public int? FashionTrainSize { get; init; }

    /// <summary>Validation samples of the Fashion workloads; null = the workload's default.</summary>
    public int? FashionValidationSize { get; init; }
}
