using System.Text.Json;
using HyperSearch.Core.Access;
using HyperSearch.Core.Json;
using HyperSearch.Core.Pbt;
using HyperSearch.Core.Searches;
using HyperSearch.Web.Components.Charts;
using HyperSearch.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace HyperSearch.Web.Components.Search;

public partial class PbtPanel
{
    [Inject] public required ITrialStore Store { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required SearchCommands Commands { get; init; }

    [Parameter, EditorRequired] public required SearchDetail Search { get; set; }

    private PbtReport? report;
    private LineChartSpec? lrChart;
    private string exportedJson = "";
    private bool replaying;
    private bool canReplay;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        // Replay launches a search in this search's team: shown to who may launch there.
        canReplay = SearchPermissions.CanLaunch(await Commands.ActorAsync(), Search.Summary.TeamId);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var trials = await Store.GetAllTrialsAsync(new TrialQuery { SearchId = Search.Summary.Id, Sort = TrialSort.Number }, CancellationToken.None);
        var epochs = await Store.GetEpochsAsync(trials.Select(t => t.Id).ToList());
        report = PbtReport.Build(trials, epochs, Search.Summary.Direction);
        lrChart = new LineChartSpec(report.Members.Select(m => new ChartSeries($"m{m.Member}", $"member {m.Member}",
            m.ActualLrs.Select((lr, i) => ChartSeries.Point(i + 1, lr)).ToList()) { Step = true }).ToList())
        {
            XName = "epoch", WholeX = true, YName = "learning rate", LogY = true,
        };
        exportedJson = report.Exported is { } e ? JsonSerializer.Serialize(e, HyperJson.Options) : "";
        StateHasChanged();
    }

    private static string Origin(PbtSegmentView s) => s.Lineage switch
    {
        { ParentNumber: null } => "scratch",
        { CopiedFromMember: { } m } => $"copied member {m} (trial #{s.Lineage.ParentNumber}), explored",
        _ => $"own checkpoint (trial #{s.Lineage.ParentNumber})",
    };

    private async Task ReplayAsync()
    {
        if (report?.Exported is not { } exported) return;
        replaying = true;
        if (await Commands.LaunchReplayAsync(Search, exported) is { } id) Navigation.NavigateTo($"searches/{id}");
        replaying = false;
    }
}
