using System.Text.Json;
using System.Text.Json.Nodes;
using HyperSearch.Core.Json;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Space;
using HyperSearch.Core.Trials;

namespace HyperSearch.Cli.Commands;

/// <summary>
/// The ask/tell protocol over JSON lines: each request line gets exactly one answer line. An asked
/// trial counts as running (TPE's constant liar) until it is told.
/// </summary>
internal sealed class AskTellSession(SearchSpace space, ISampler sampler, int seed, ObjectiveDirection direction)
{
    // Error messages quote user input; keep quotes readable instead of \u0027-escaped.
    private static readonly JsonSerializerOptions Output = new(HyperJson.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly List<TrialSnapshot> history = [];

    public string Handle(string line)
    {
        JsonObject request;
        try
        {
            request = JsonNode.Parse(line) as JsonObject ?? throw new JsonException("expected a JSON object");
        }
        catch (JsonException e)
        {
            return Error($"not a JSON object: {e.Message}");
        }
        return Text(request["op"]) switch
        {
            "ask" => Ask(),
            "tell" => Tell(request),
            null => Error("missing \"op\": use \"ask\" or \"tell\""),
            var op => Error($"unknown op '{op}': use \"ask\" or \"tell\""),
        };
    }

    private string Ask()
    {
        var number = history.Count + 1;
        var config = sampler.Sample(space, history, new SamplingContext(number, seed, direction));
        if (config is null)
        {
            return """{"done":true}""";
        }
        history.Add(new TrialSnapshot(number, config, TrialState.Running, null));
        var answer = new JsonObject
        {
            ["trial"] = number,
            ["config"] = JsonSerializer.SerializeToNode(config, HyperJson.Options),
        };
        return answer.ToJsonString(Output);
    }

    private string Tell(JsonObject request)
    {
        if (request["trial"] is not JsonValue trialNode || !trialNode.TryGetValue<int>(out var number))
        {
            return Error("\"trial\" must be the integer number an ask returned");
        }
        var index = number - 1;
        if (index < 0 || index >= history.Count)
        {
            return Error($"trial {number} was never asked");
        }
        if (history[index].State != TrialState.Running)
        {
            return Error($"trial {number} was already told");
        }
        var state = Text(request["state"]) ?? "completed";
        var value = Number(request["value"]);
        TrialState? newState = state switch
        {
            "completed" when value is null => null,
            // A non-finite objective is a diverged trial: the worst result, not an error.
            "completed" => double.IsFinite(value!.Value) ? TrialState.Completed : TrialState.Diverged,
            "failed" => TrialState.Failed,
            "pruned" => TrialState.Pruned,
            "diverged" => TrialState.Diverged,
            _ => null,
        };
        if (newState is null)
        {
            return Error(state is "completed"
                ? "\"value\" must be a number (or \"NaN\"/\"Infinity\" for a diverged trial)"
                : $"unknown state '{state}': use completed, failed, pruned or diverged");
        }
        history[index] = history[index] with { State = newState.Value, Value = value };
        return """{"ok":true}""";
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static double? Number(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>(),
        JsonValue v when v.TryGetValue<string>(out var s) && s is "NaN" or "Infinity" or "-Infinity" =>
            double.Parse(s, System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string Error(string message) =>
        new JsonObject { ["ok"] = false, ["error"] = message }.ToJsonString(Output);
}
