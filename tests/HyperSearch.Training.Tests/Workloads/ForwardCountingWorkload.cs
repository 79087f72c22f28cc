using HyperSearch.Training.Models;
using HyperSearch.Training.Workloads;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperSearch.Training.Tests.Workloads;

/// <summary>Two-spirals whose model calls <paramref name="onForward"/> with the count of training forward passes so far.</summary>
internal sealed class ForwardCountingWorkload(Action<int> onForward) : IWorkload
{
    private readonly TwoSpiralsWorkload _spirals = new();

    public string Name => "test-forward-counting";
    public string Description => "two-spirals, counts its training batches";
    public TaskKind Task => TaskKind.Classification;
    public int DefaultBatchSize => 32;
    public WorkloadData LoadData() => _spirals.LoadData();

    public nn.Module<Tensor, Tensor> CreateModel(IReadOnlyDictionary<string, double> parameters, Device device) =>
        new Counting(new Mlp([2, 16, 2]), onForward).to(device);

    private sealed class Counting : nn.Module<Tensor, Tensor>
    {
        private readonly Mlp inner;
        private readonly Action<int> _onForward;
        private int _count;

        public Counting(Mlp inner, Action<int> onForward) : base(nameof(Counting))
        {
            this.inner = inner;
            _onForward = onForward;
            RegisterComponents();
        }

        public override Tensor forward(Tensor input)
        {
            if (training)
            {
                _onForward(++_count);
            }

            return inner.forward(input);
        }
    }
}
