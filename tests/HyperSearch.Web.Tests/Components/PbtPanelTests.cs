using Bunit;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Schedules;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Space;
using HyperSearch.Core.Trials;
using HyperSearch.Web.Components.Charts;
using HyperSearch.Web.Components.Search;

namespace HyperSearch.Web.Tests.Components;

public class PbtPanelTests : DashboardTestContext
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly SearchDetail _search;

    public PbtPanelTests()
    {
        var detail = Store.AddSearch("pbt", epochs: 4);
        _search = detail with { Summary = detail.Summary with { Strategy = SearchStrategy.Pbt }, Spec = detail.Spec with { Strategy = SearchStrategy.Pbt, Seed = 3 } };
        Store.Searches[0] = _search;
        // Member 0: trial 1 (epochs 1–2) then trial 4 continued it; member 1: trial 2, then trial 3 copied member 0's trial 1.
        Segment(1, 0, 0, 0.1, null, null, value: 0.5);
        Segment(2, 1, 0, 0.02, null, null, value: 0.9);
        Segment(3, 1, 1, 0.12, parent: 1, copiedFrom: 0, value: 0.3);
        Segment(4, 0, 1, 0.1, parent: 1, copiedFrom: null, value: 0.4);
        UseInteractiveRenderer();
    }

    private void Segment(int number, int member, int generation, double lr, int? parent, int? copiedFrom, double value)
    {
        var lineage = new PbtLineage
        {
            Member = member, Generation = generation, StartEpoch = generation * 2, EndEpoch = generation * 2 + 2,
            ParentNumber = parent, ParentTrialId = parent, CopiedFromMember = copiedFrom,
        };
        var config = new TrialConfig { InitialLr = lr, Decay = new ExponentialDecay { Gamma = 0.9 }, Pbt = lineage, BatchSize = 32 };
        Store.Trials.Add(new TrialRow
        {
            Id = number, SearchId = 1, Number = number, Kind = TrialKind.Search, State = TrialState.Completed, Config = config,
            InitialLr = lr, DecayType = "exponential", Attempt = 1, EpochsDone = lineage.EndEpoch, BestValue = value, FinalValue = value,
            CreatedAt = T0, UpdatedAt = T0,
        });
        var schedule = LrSchedulePreview.Compute(config, lineage.EndEpoch);
        for (var e = lineage.StartEpoch + 1; e <= lineage.EndEpoch; e++)
        {
            Store.Epochs.Add(new EpochPoint(Store.Epochs.Count + 1, number, e, 1, value, 0, schedule[e - 1], e, 1));
        }
    }

    [Fact]
    public void Render_PbtSearch_ShowsLineageAndEachMembersActualLrAlongItsLineage()
    {
        var module = JSInterop.SetupModule(LineChart.ModulePath);

        var cut = Render<PbtPanel>(p => p.Add(c => c.Search, _search));

        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("#pbt-lineage .hs-pbt-segment").Count));
        Assert.Contains("copied member 0 (trial #1)", cut.Find(".hs-pbt-segment[data-trial='3'] .hs-pbt-origin").TextContent);
        Assert.Contains("own checkpoint (trial #1)", cut.Find(".hs-pbt-segment[data-trial='4'] .hs-pbt-origin").TextContent);
        var chart = (LineChartSpec)module.Invocations["init"].Last().Arguments[1]!;
        var member1 = chart.Series.Single(s => s.Id == "m1").Points.Select(p => p[1]).ToList();
        // Member 1's lineage is member 0's trial 1 (epochs 1–2) then its own trial 3 (epochs 3–4).
        var first = LrSchedulePreview.Compute(Store.Trials[0].Config, 2);
        var copied = LrSchedulePreview.Compute(Store.Trials[2].Config, 4);
        Assert.Equal([first[0], first[1], copied[2], copied[3]], member1);
    }

    [Fact]
    public void Replay_BestMember_CreatesOneTrialGridSearchOfTheExportedPiecewiseSchedule()
    {
        var cut = Render<PbtPanel>(p => p.Add(c => c.Search, _search));
        cut.WaitForAssertion(() => Assert.Contains("\"piecewise\"", cut.Find("#pbt-exported").TextContent));
        Assert.Contains("member 1 (trial #3", cut.Find("#pbt-best").TextContent);

        cut.Find("#pbt-replay").Click();

        var spec = Assert.Single(Store.Created);
        Assert.Equal((SearchStrategy.Grid, 1, 4, 3), (spec.Strategy, spec.Budget, spec.Epochs, spec.Seed));
        var (space, errors) = SearchSpaceJson.Parse(spec.SpaceJson);
        Assert.Empty(errors);
        var replayed = new GridSampler(3).Sample(space!, [], new SamplingContext(1, 3, ObjectiveDirection.Minimize))!;
        var first = LrSchedulePreview.Compute(Store.Trials[0].Config, 2);
        var copied = LrSchedulePreview.Compute(Store.Trials[2].Config, 4);
        Assert.Equal([first[0], first[1], copied[2], copied[3]], LrSchedulePreview.Compute(replayed, 4));
    }
}
