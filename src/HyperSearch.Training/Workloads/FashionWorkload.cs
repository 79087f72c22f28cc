using HyperSearch.Core.Training;
using System.Collections.Concurrent;
using HyperSearch.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperSearch.Training.Workloads;

/// <summary>
/// Fashion-MNIST with a fixed train/validation split of the 60k training images (the same split for
/// every trial and process) and the 10k test images held out.
/// </summary>
public abstract class FashionWorkload : IWorkload
{
    // The split never depends on a trial's seed, so all trials are ranked on the same validation set.
    private const int SplitSeed = 20_240_601;

    // Both Fashion workloads (and every registry in the process) share one parse of the files.
    private static readonly ConcurrentDictionary<string, Lazy<FashionMnist>> Files = new();

    private readonly Lazy<WorkloadData> _data;

    protected FashionWorkload(WorkloadOptions options, int defaultTrain, int defaultValidation)
    {
        var directory = options.FashionMnistPath;
        TrainSize = options.FashionTrainSize ?? defaultTrain;
        ValidationSize = options.FashionValidationSize ?? defaultValidation;
        if (TrainSize <= 0 || ValidationSize <= 0 || TrainSize + ValidationSize > 60_000)
        {
            throw new ArgumentException(
                $"Fashion-MNIST split {TrainSize} train + {ValidationSize} validation must be positive and fit in 60000");
        }

        _data = new Lazy<WorkloadData>(() => Split(Files.GetOrAdd(
            Path.GetFullPath(directory), d => new Lazy<FashionMnist>(() => FashionMnist.Load(d))).Value));
    }

    public abstract string Name { get; }
    public abstract string Description { get; }
    public TaskKind Task => TaskKind.Classification;
    public virtual int DefaultBatchSize => 64;

    /// <summary>Null unless a derived workload declares its <c>params</c> (see <see cref="IWorkload.Parameters"/>).</summary>
    public virtual IReadOnlyList<WorkloadParameter>? Parameters => null;

    public WorkloadParameter? BatchSize => WorkloadParameters.BatchSize(TrainSize, DefaultBatchSize);
    public int TrainSize { get; }
    public int ValidationSize { get; }

    public WorkloadData LoadData() => _data.Value;

    public abstract nn.Module<Tensor, Tensor> CreateModel(IReadOnlyDictionary<string, double> parameters, Device device);

    private WorkloadData Split(FashionMnist files)
    {
        var order = Shuffle.Permutation(files.Train.Count, SplitSeed);
        var validation = files.Train.Subset(order.AsSpan(0, ValidationSize));
        var train = files.Train.Subset(order.AsSpan(ValidationSize, TrainSize));
        return new WorkloadData(train, validation, files.Test);
    }
}
