using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Json;
using HyperSearch.Core.Schedules;
using HyperSearch.Web.Charts;
using HyperSearch.Web.Components.Charts;

namespace HyperSearch.Web.Components.Pages;

public partial class Playground
{
    private string decayType = DecayTypes.Cosine;
    private double initialLr = 0.1;
    private int steps = 100;
    private string configJson = "";
    private List<string> errors = [];
    private LineChartSpec? chart;
    private string summary = "";

    protected override void OnInitialized()
    {
        configJson = ExampleJson();
        Draw();
    }

    private void OnDecayTypeChanged(string type)
    {
        decayType = type;
        configJson = ExampleJson();
        Draw();
    }

    private void OnInitialLrChanged(double lr)
    {
        initialLr = lr;
        try
        {
            if (JsonNode.Parse(configJson) is JsonObject config)
            {
                config["initialLr"] = lr;
                configJson = config.ToJsonString(HyperJson.Indented);
            }
        }
        catch (JsonException)
        {
            // A half-typed config stays as the user left it; Draw reports what is wrong with it.
        }

        Draw();
    }

    private string ExampleJson()
    {
        var config = new TrialConfig { InitialLr = initialLr, Decay = ScheduleExamples.For(decayType, steps) };
        return JsonSerializer.Serialize(config, HyperJson.Indented);
    }

    private void Draw()
    {
        errors = [];
        TrialConfig config;
        try
        {
            config = JsonSerializer.Deserialize<TrialConfig>(configJson, HyperJson.Options)
                     ?? throw new JsonException("the config is empty");
        }
        catch (JsonException e)
        {
            ShowErrors([$"config: {e.Message}"]);
            return;
        }

        // The JSON is what gets drawn; the fields above it follow it so they never contradict the chart.
        decayType = config.Decay.Type;
        initialLr = config.InitialLr;
        double[] lrs;
        try
        {
            lrs = ScheduleCurve.Compute(config, steps);
        }
        catch (InvalidTrialConfigException e)
        {
            // A config that parses but makes no schedule (tMax 0, gamma 2, …): name each field.
            ShowErrors(e.Errors.Select(error => $"config.{error}"));
            return;
        }

        var points = lrs.Select((lr, step) => ChartSeries.Point(step, lr)).ToList();
        chart = new LineChartSpec([new ChartSeries("lr", Components.Shared.Labels.Decay(config.Decay.Type), points) { Step = true }])
        {
            XName = "step",
            WholeX = true,
            YName = "learning rate",
            Legend = false,
        };
        summary = string.Create(CultureInfo.InvariantCulture,
            $"{config.Decay.Type}: first LR {lrs[0]:G6}, final LR {lrs[^1]:G6}, min {lrs.Min():G6}, max {lrs.Max():G6}");
    }

    // The last chart belongs to an earlier config; leaving it under the errors would mislead.
    private void ShowErrors(IEnumerable<string> messages)
    {
        errors = [.. messages];
        chart = null;
        summary = "";
    }
}
