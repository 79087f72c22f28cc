using System.Text.Json;
using System.Text.Json.Nodes;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Json;
using HyperSearch.Core.Schedules;
using HyperSearch.Web.Charts;
using HyperSearch.Web.Components.Charts;

namespace HyperSearch.Web.Launch;

/// <summary>
/// LR curves of a few sample configs of the form's chosen decay types: for each type, its first
/// searched parameter at low / middle / high with the others at their middle, from the middle initial LR.
/// </summary>
public static class SchedulePreview
{
    public const int SamplesPerType = 3;

    public static (IReadOnlyList<ChartSeries> Series, IReadOnlyList<string> Problems) Build(LaunchForm form)
    {
        var series = new List<ChartSeries>();
        var problems = new List<string>();
        var steps = Math.Clamp(form.Epochs, 2, 2000);
        // A fixed LR ("re-run with changes" fixes every parameter) has no range: its value is the LR.
        var lr = double.TryParse(Value(form.InitialLr, 0.5)?.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var middle) ? middle : 0;
        foreach (var (choice, colour) in form.IncludedDecays.Select((c, i) => (c, ChartColours.Colour(i))))
        {
            var varied = choice.Parameters.FirstOrDefault(p => p.Kind is not ParamKind.Fixed);
            var fractions = varied is null ? [0.5] : new[] { 0.0, 0.5, 1.0 };
            foreach (var fraction in fractions)
            {
                try
                {
                    var config = new TrialConfig { InitialLr = lr, Decay = Decay(choice, varied, fraction) };
                    var lrs = ScheduleCurve.Compute(config, steps);
                    var name = Components.Shared.Labels.Decay(choice.Type);
                    var label = varied is null ? name : $"{name} {varied.Name}={Format(Value(varied, fraction))}";
                    // The LR holds for a whole step: a step line is what the trainer does (a ramp would not be).
                    series.Add(new ChartSeries($"{choice.Type}-{fraction}", label,
                        [.. lrs.Select((value, step) => ChartSeries.Point(step, value))]) { Color = colour, Step = true });
                }
                catch (InvalidTrialConfigException e)
                {
                    problems.Add($"{choice.Type}: {string.Join("; ", e.Errors)}");
                    break;
                }
                catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
                {
                    problems.Add($"{choice.Type}: {e.Message}");
                    break;
                }
            }
        }

        return (series, problems);
    }

    private static DecaySpec Decay(DecayChoice choice, ParamRange? varied, double fraction)
    {
        var node = new JsonObject { ["type"] = choice.Type };
        foreach (var parameter in choice.Parameters)
        {
            node[parameter.Name] = Value(parameter, ReferenceEquals(parameter, varied) ? fraction : 0.5);
        }

        return node.Deserialize<DecaySpec>(HyperJson.Options) ?? throw new JsonException("empty decay");
    }

    private static JsonNode? Value(ParamRange range, double fraction) => range.Kind switch
    {
        ParamKind.Float => JsonValue.Create(Middle(range, fraction)),
        ParamKind.Int => JsonValue.Create((long)Math.Round(Middle(range, fraction))),
        ParamKind.Choice => Pick(JsonLiteral.ParseList(range.Choices), fraction),
        _ => JsonLiteral.Parse(range.Value),
    };

    private static JsonNode? Pick(JsonArray choices, double fraction) =>
        choices.Count == 0 ? null : choices[(int)Math.Round(fraction * (choices.Count - 1))]?.DeepClone();

    /// <summary>The point a fraction of the way through a range (geometric on a log scale).</summary>
    public static double Middle(ParamRange range, double fraction) =>
        range.Log && range.Low > 0 && range.High > 0
            ? Math.Exp(Math.Log(range.Low) + fraction * (Math.Log(range.High) - Math.Log(range.Low)))
            : range.Low + fraction * (range.High - range.Low);

    private static string Format(JsonNode? value) => value?.ToJsonString() is { } text && double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var number)
        ? number.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)
        : value?.ToJsonString() ?? "";
}
