using System.Text.Json;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Json;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Space;
using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Tests.Sampling;

/// <summary>A conditional space with every distribution kind, a toy objective and a driver loop.</summary>
internal static class SamplingFixtures
{
    public static SearchSpace ConditionalSpace { get; } = Parse("""
        {
          "initialLr": { "low": 1e-4, "high": 1 },
          "decay": {
            "step": { "stepSize": { "low": 2, "high": 20, "step": 2 }, "gamma": { "low": 0.1, "high": 0.9 } },
            "cosine": { "tMax": { "low": 5, "high": 200, "log": true }, "etaMin": 0 },
            "multiStep": { "milestones": [[10, 20], [5, 15, 25]], "gamma": { "low": 0.1, "high": 0.5, "step": 0.1 } },
            "constant": {}
          },
          "warmup": { "steps": { "low": 0, "high": 3 } },
          "optimizer": { "momentum": { "low": 0.8, "high": 0.98, "step": 0.02 } },
          "batchSize": [32, 64, 128],
          "params": { "x": { "low": -1, "high": 1 } }
        }
        """);

    /// <summary>Optuna's pytorch_simple space: layer i's width and dropout exist when n_layers ≥ i + 1.</summary>
    public static SearchSpace PytorchSimpleSpace { get; } = Parse("""
        {
          "initialLr": { "low": 1e-5, "high": 0.1 },
          "decay": { "constant": {} },
          "params": {
            "n_layers": { "type": "int", "low": 1, "high": 3 },
            "n_units_l0": { "type": "int", "low": 4, "high": 128, "log": true },
            "dropout_l0": { "low": 0.2, "high": 0.5 },
            "n_units_l1": { "type": "int", "low": 4, "high": 128, "log": true, "when": { "n_layers": { "min": 2 } } },
            "dropout_l1": { "low": 0.2, "high": 0.5, "when": { "n_layers": { "min": 2 } } },
            "n_units_l2": { "type": "int", "low": 4, "high": 128, "log": true, "when": { "n_layers": { "min": 3 } } },
            "dropout_l2": { "low": 0.2, "high": 0.5, "when": { "n_layers": { "min": 3 } } }
          }
        }
        """);

    /// <summary>Best with two layers of about 64 units; a third layer's width matters, its absence is neutral.</summary>
    public static double PytorchSimpleObjective(TrialConfig c)
    {
        var p = c.Params!;
        var units = Enumerable.Range(0, (int)p["n_layers"]).Sum(i => Math.Pow(Math.Log2(p[$"n_units_l{i}"] / 64), 2));
        return Math.Abs(p["n_layers"] - 2) + units + Math.Pow(Math.Log10(c.InitialLr) + 3, 2);
    }

    public static SearchSpace Parse(string json)
    {
        var (space, errors) = SearchSpaceJson.Parse(json);
        Assert.Empty(errors);
        return space!;
    }

    /// <summary>Best near lr = 1e-2, step decay with gamma 0.3, x = 0.5.</summary>
    public static double Objective(TrialConfig c)
    {
        var lr = Math.Pow(Math.Log10(c.InitialLr) + 2, 2);
        var decay = c.Decay is StepDecay s ? Math.Pow(s.Gamma - 0.3, 2) : 0.5;
        var x = c.Params is { } p ? Math.Pow(p["x"] - 0.5, 2) : 0;
        return lr + decay + x;
    }

    /// <summary>Asks for trials 1..n, completing each with the objective; returns every config.</summary>
    public static List<TrialConfig> Drive(ISampler sampler, SearchSpace space, int n, int seed,
        Func<TrialConfig, double>? objective = null, ObjectiveDirection direction = ObjectiveDirection.Minimize)
    {
        objective ??= Objective;
        var history = new List<TrialSnapshot>();
        var configs = new List<TrialConfig>();
        for (var number = 1; number <= n; number++)
        {
            var config = sampler.Sample(space, history, new SamplingContext(number, seed, direction));
            if (config is null)
            {
                break;
            }
            configs.Add(config);
            history.Add(new TrialSnapshot(number, config, TrialState.Completed, objective(config)));
        }
        return configs;
    }

    public static string ToJson(TrialConfig config) => JsonSerializer.Serialize(config, HyperJson.Options);
}
