using System.Globalization;
using System.Text.Json;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Json;
using HyperSearch.Core.Schedules;
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
            errors.Add($"config: {e.Message}");
            return;
        }

        config = config with { InitialLr = initialLr };
        var lrs = ScheduleCurve(config, steps);
        var points = lrs.Select((lr, step) => ChartSeries.Point(step, lr)).ToList();
        chart = new LineChartSpec([new ChartSeries("lr", config.Decay.Type, points)])
        {
            XName = "step",
            YName = "learning rate",
            Legend = false,
        };
        summary = string.Create(CultureInfo.InvariantCulture,
            $"{config.Decay.Type}: first LR {lrs[0]:G6}, final LR {lrs[^1]:G6}, min {lrs.Min():G6}, max {lrs.Max():G6}");
    }

    private static double[] ScheduleCurve(TrialConfig config, int steps)
    {
        var scheduler = LrSchedulerFactory.Create(config);
        var lrs = new double[steps];
        for (var step = 0; step < steps; step++)
        {
            lrs[step] = scheduler.CurrentLr;
            scheduler.Step(SyntheticValidationLoss(step));
        }

        return lrs;
    }

    // Improves for a third of the run, then stalls: enough to show what reduceOnPlateau does.
    private static double SyntheticValidationLoss(int step) => 1.0 / (1 + Math.Min(step, 30));
}
