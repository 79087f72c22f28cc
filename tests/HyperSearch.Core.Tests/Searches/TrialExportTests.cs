using HyperSearch.Core.Configuration;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Tests.Searches;

public class TrialExportTests
{
    private static TrialRow Row(long id, int number, double? best, string? diagnosis = null) => new()
    {
        Id = id,
        SearchId = 1,
        Number = number,
        Kind = TrialKind.Search,
        State = TrialState.Completed,
        Config = new TrialConfig { InitialLr = 0.05, Decay = new StepDecay { StepSize = 3, Gamma = 0.5 } },
        InitialLr = 0.05,
        DecayType = "step",
        Attempt = 1,
        EpochsDone = 4,
        BestValue = best,
        Diagnosis = diagnosis,
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void ToCsv_RankedRows_OneLinePerTrialInGivenOrderWithHeader()
    {
        var csv = TrialExport.ToCsv([Row(11, 3, 0.2), Row(10, 1, 0.5)]);

        var lines = csv.TrimEnd().Split(Environment.NewLine);
        Assert.Equal(string.Join(',', [.. TrialExport.Columns.SkipLast(1), "step.gamma", "step.stepSize", "config"]), lines[0]);
        Assert.StartsWith("1,11,3,completed,0.05,step,", lines[1]);
        Assert.Contains(",0.5,3,\"{", lines[1]); // the decay parameters in their own columns, then the config
        Assert.StartsWith("2,10,1,completed,0.05,step,", lines[2]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void ToCsv_CellsWithCommasQuotesAndNaN_AreQuotedAndKept()
    {
        var csv = TrialExport.ToCsv([Row(1, 1, double.NaN, "tooHigh: loss rose, \"fast\"")]);

        var row = csv.TrimEnd().Split(Environment.NewLine)[1];
        Assert.Contains(",NaN,", row);
        Assert.Contains("\"tooHigh: loss rose, \"\"fast\"\"\"", row);
        // The config JSON contains commas and quotes, so it is one quoted cell at the end.
        Assert.EndsWith("\"{\"\"initialLr\"\":0.05,\"\"decay\"\":{\"\"type\"\":\"\"step\"\",\"\"stepSize\"\":3,\"\"gamma\"\":0.5}}\"", row);
    }

    [Fact]
    public void ToCsv_TrialsOfDifferentDecayTypes_OneColumnPerParameterBlankForOtherTypes()
    {
        var cosine = Row(2, 2, 0.3) with { DecayType = "cosine", Config = new TrialConfig { InitialLr = 0.1, Decay = new CosineDecay { TMax = 30, EtaMin = 0.001 } } };

        var lines = TrialExport.ToCsv([Row(1, 1, 0.2), cosine]).TrimEnd().Split(Environment.NewLine);

        var header = lines[0].Split(',');
        Assert.Equal(["cosine.etaMin", "cosine.tMax", "step.gamma", "step.stepSize", "config"], header[^5..]);
        Assert.Contains(",,,0.5,3,\"{", lines[1]);
        Assert.Contains(",0.001,30,,,\"{", lines[2]);
    }

    private static readonly IReadOnlyDictionary<long, IReadOnlyList<EpochPoint>> History = new Dictionary<long, IReadOnlyList<EpochPoint>>
    {
        [11] = [new EpochPoint(2, 11, 2, 0.4, 0.3, 0.8, 0.025, 2.5, 1), new EpochPoint(1, 11, 1, 0.9, 0.5, 0.6, 0.05, 1.25, 1)],
        [10] = [new EpochPoint(3, 10, 1, double.NaN, double.PositiveInfinity, 0.1, 0.05, 1.0, 2)],
    };

    [Fact]
    public void EpochsToCsv_History_OneRowPerTrialAndEpochInRankThenEpochOrder()
    {
        var csv = TrialExport.EpochsToCsv([Row(11, 3, 0.2), Row(10, 1, 0.5)], History);

        Assert.Equal(
        [
            "rank,trialId,number,epoch,trainLoss,valLoss,valAccuracy,lr,elapsedSeconds,attempt",
            "1,11,3,1,0.9,0.5,0.6,0.05,1.25,1",
            "1,11,3,2,0.4,0.3,0.8,0.025,2.5,1",
            "2,10,1,1,NaN,Infinity,0.1,0.05,1,2",
        ], csv.TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public void ToJson_WithHistory_EachTrialCarriesItsEpochs()
    {
        var summary = new SearchSummary
        {
            Id = 1, Name = "s", Owner = "o", Workload = "w", Strategy = HyperSearch.Core.Sampling.SearchStrategy.Random, State = SearchState.Completed,
            Objective = ObjectiveMetric.ValLoss, Direction = HyperSearch.Core.Sampling.ObjectiveDirection.Minimize, Budget = 2, Parallelism = 1, Epochs = 2,
            Priority = 0, Counts = new TrialCounts(0, 0, 2, 0, 0, 0, 0), CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
        };

        var json = System.Text.Json.Nodes.JsonNode.Parse(TrialExport.ToJson(summary, [Row(11, 3, 0.2), Row(10, 1, 0.5)], History))!;

        var first = json["trials"]![0]!["epochs"]!.AsArray();
        Assert.Equal([1, 2], first.Select(e => e!["epoch"]!.GetValue<int>()));
        Assert.Equal(0.3, first[1]!["valLoss"]!.GetValue<double>());
        Assert.Equal("Infinity", json["trials"]![1]!["epochs"]![0]!["valLoss"]!.GetValue<string>());
        Assert.Null(System.Text.Json.Nodes.JsonNode.Parse(TrialExport.ToJson(summary, [Row(11, 3, 0.2)]))!["trials"]![0]!["epochs"]);
    }
}
