using HyperSearch.Core.Configuration;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Training;

namespace HyperSearch.Core.Tests.Searches;

/// <summary>Specs and trial configs checked against a workload's declared parameters (issue 30).</summary>
public sealed class DeclaredParameterCheckTests
{
    private static readonly WorkloadInfo Simple = new("pytorch-simple", "", WorkloadKind.Command, "python3 x.py",
        [
            WorkloadParameter.Int("n_layers", 1, 3, 1, "hidden layers"),
            WorkloadParameter.Int("n_units_l0", 4, 128, 64, "units", log: true),
            WorkloadParameter.Float("dropout_l0", 0, 0.9, 0.2, "dropout"),
            WorkloadParameter.Categorical("cell", [0, 1], 0, "0 LSTM, 1 GRU"),
        ],
        WorkloadParameter.Int("batchSize", 1, 256, 64, "samples per batch"));

    private static readonly WorkloadInfo Undeclared = new("legacy", "", WorkloadKind.TorchSharp);

    private static IReadOnlyList<Validation.ValidationError> Launch(string space, WorkloadInfo workload) =>
        SearchSpecValidator.Parse($$"""
            { "name": "x", "workload": "{{workload.Name}}", "budget": 4, "epochs": 2,
              "space": { "initialLr": { "low": 0.001, "high": 0.1 }, {{space}} } }
            """, [Simple, Undeclared]).Errors;

    [Fact]
    public void Parse_MisspeltParam_RefusedNamingItTheClosestAndTheKnownOnes()
    {
        var error = Assert.Single(Launch("""  "params": { "n_layer": { "type": "int", "low": 1, "high": 3 } } """, Simple));

        Assert.Equal("space.params.n_layer", error.Path);
        Assert.Equal("unknown parameter of workload 'pytorch-simple'; did you mean 'n_layers'? (known: n_layers, n_units_l0, dropout_l0, cell)", error.Message);
    }

    [Fact]
    public void Parse_UnknownParamFarFromEveryName_RefusedWithoutASuggestion()
    {
        var error = Assert.Single(Launch("""  "params": { "momentum_of_doom": 0.5 } """, Simple));

        Assert.Equal("space.params.momentum_of_doom", error.Path);
        Assert.Equal("unknown parameter of workload 'pytorch-simple' (known: n_layers, n_units_l0, dropout_l0, cell)", error.Message);
    }

    [Theory]
    [InlineData(""" "n_layers": { "type": "int", "low": 1, "high": 5 } """, "space.params.n_layers.high", "must be an integer in [1, 3]; got 5")]
    [InlineData(""" "n_units_l0": { "type": "int", "low": 2, "high": 64 } """, "space.params.n_units_l0.low", "must be an integer in [4, 128]; got 2")]
    [InlineData(""" "dropout_l0": { "low": 0.1, "high": 0.95 } """, "space.params.dropout_l0.high", "must be a number in [0, 0.9]; got 0.95")]
    [InlineData(""" "n_layers": { "type": "float", "low": 1, "high": 3 } """, "space.params.n_layers.type", "n_layers is an integer parameter: use \"int\"")]
    [InlineData(""" "n_layers": [1, 2, 7] """, "space.params.n_layers", "choice 3 must be an integer in [1, 3]; got 7")]
    [InlineData(""" "n_layers": 2.5 """, "space.params.n_layers", "must be an integer in [1, 3]; got 2.5")]
    [InlineData(""" "cell": [0, 2] """, "space.params.cell", "choice 2 must be one of 0, 1; got 2")]
    [InlineData(""" "cell": { "type": "int", "low": 0, "high": 1 } """, "space.params.cell", "cell takes one of {0, 1}: give choices or a value, not a range")]
    public void Parse_ValueOutsideTheDeclaration_RefusedNamingTheField(string param, string path, string message)
    {
        var error = Assert.Single(Launch($$""" "params": { {{param}} } """, Simple));

        Assert.Equal((path, message), (error.Path, error.Message));
    }

    [Fact]
    public void Parse_BatchSizeOutsideTheDeclaration_RefusedNamingTheField()
    {
        var error = Assert.Single(Launch(""" "batchSize": [32, 512] """, Simple));

        Assert.Equal(("space.batchSize", "choice 2 must be an integer in [1, 256]; got 512"), (error.Path, error.Message));
    }

    [Fact]
    public void Parse_EverythingWithinTheDeclaration_Accepted()
    {
        Assert.Empty(Launch("""
            "batchSize": [32, 64],
            "params": { "n_layers": { "type": "int", "low": 1, "high": 3 }, "n_units_l0": { "type": "int", "low": 4, "high": 128, "log": true },
                        "dropout_l0": { "low": 0, "high": 0.9 }, "cell": [0, 1] }
            """, Simple));
    }

    [Fact]
    public void Parse_WorkloadDeclaringNothing_AcceptsAnyParamsAsBefore()
    {
        Assert.Empty(Launch(""" "batchSize": 4096, "params": { "n_layer": 3, "whatever": { "low": -5, "high": 5 } } """, Undeclared));
    }

    [Fact]
    public void Parse_WorkloadDeclaringNoParams_RefusesAny()
    {
        var none = Undeclared with { Name = "fixed", Parameters = [] };

        var (_, errors) = SearchSpecValidator.Parse("""
            { "name": "x", "workload": "fixed", "budget": 1, "epochs": 1, "space": { "initialLr": 0.1, "params": { "hidden": 3 } } }
            """, [none]);

        Assert.Equal(("space.params.hidden", "workload 'fixed' takes no params"), (Assert.Single(errors).Path, errors[0].Message));
    }

    [Fact]
    public void CheckConfig_MisspeltAndOutOfRangeValues_EachNamed()
    {
        var config = new TrialConfig
        {
            InitialLr = 0.1, Decay = new ConstantDecay(), BatchSize = 300,
            Params = new Dictionary<string, double> { ["n_layer"] = 2, ["n_units_l0"] = 200, ["dropout_l0"] = 0.5 },
        };

        var errors = DeclaredParameterCheck.CheckConfig(config, Simple).Select(e => e.ToString()).ToList();

        Assert.Equal(
        [
            "params.n_layer: unknown parameter of workload 'pytorch-simple'; did you mean 'n_layers'? (known: n_layers, n_units_l0, dropout_l0, cell)",
            "params.n_units_l0: must be an integer in [4, 128]; got 200",
            "batchSize: must be an integer in [1, 256]; got 300",
        ], errors);
        Assert.Empty(DeclaredParameterCheck.CheckConfig(config, Undeclared));
    }

    [Theory]
    [InlineData("n_layer", "n_layers")]
    [InlineData("N_Units_L0", "n_units_l0")]
    [InlineData("dropuot_l0", "dropout_l0")]
    [InlineData("learning_rate", null)]
    public void Closest_SuggestsOnlyNearNames(string name, string? expected)
    {
        Assert.Equal(expected, Validation.NameSuggestion.Closest(name, Simple.Parameters!.Select(p => p.Name)));
    }

    [Fact]
    public void Problems_BadDeclarations_EachNamed()
    {
        Assert.Equal(["x: needs finite Low ≤ High"], new WorkloadParameter("x", WorkloadParameterKind.Int, 1, 5, 2).Problems());
        Assert.Contains("y: a categorical parameter needs choices", new WorkloadParameter("y", WorkloadParameterKind.Categorical, 1, Choices: []).Problems());
        Assert.Equal(["z: Default must be a number in [0, 1]; got 2"], WorkloadParameter.Float("z", 0, 1, 2, "").Problems());
        Assert.Empty(Simple.Parameters!.SelectMany(d => d.Problems()));
    }
}
