using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyperSearch.Training.Models;

/// <summary>
/// LSTM or GRU over a flattened [steps × inputSize] sequence; a linear layer reads the last hidden
/// state and predicts <c>outputs</c> values.
/// </summary>
public sealed class RecurrentRegressor : nn.Module<Tensor, Tensor>
{
    private readonly long steps, inputSize;
    private readonly LSTM? lstm;
    private readonly GRU? gru;
    private readonly Linear head;

    public RecurrentRegressor(RecurrentCell cell, long steps, long inputSize, long hidden, long layers, long outputs) : base(nameof(RecurrentRegressor))
    {
        this.steps = steps;
        this.inputSize = inputSize;
        if (cell == RecurrentCell.Lstm)
        {
            lstm = nn.LSTM(inputSize, hidden, numLayers: layers, batchFirst: true);
        }
        else
        {
            gru = nn.GRU(inputSize, hidden, numLayers: layers, batchFirst: true);
        }

        head = nn.Linear(hidden, outputs);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var x = input.view(-1, steps, inputSize);
        var output = lstm is not null ? lstm.forward(x).Item1 : gru!.forward(x).Item1;
        return head.forward(output.select(1, -1));
    }
}
