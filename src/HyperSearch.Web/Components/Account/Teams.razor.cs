using HyperSearch.Core.Access;
using HyperSearch.Core.FairShare;
using HyperSearch.Data.Accounts;
using HyperSearch.Web.Accounts;
using HyperSearch.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace HyperSearch.Web.Components.Account;

/// <summary>Teams, members and quotas; admins create teams, set members' roles and teams' weights and caps (each action re-checks the admin right).</summary>
public partial class Teams
{
    [Inject] public required ICurrentActor Actors { get; init; }
    [Inject] public required TeamDirectory Directory { get; init; }
    [Inject] public required IAuditTrail Audit { get; init; }

    private IReadOnlyList<TeamInfo> teams = [];
    private bool admin;
    private string newTeam = "";
    private string? memberTeam;
    private string memberUser = "";
    private TeamRole memberRole = TeamRole.Member;
    private string? quotaTeam;
    private int quotaWeight = 1;
    private int? quotaCpu;
    private int? quotaCuda;
    private readonly UnreadableNumbers unreadableQuota = new();
    private string? message;
    private bool messageIsError;

    protected override async Task OnInitializedAsync()
    {
        admin = SearchPermissions.CanAdminister(await Actors.GetAsync());
        teams = await Directory.ListAsync();
    }

    private async Task CreateTeamAsync()
    {
        if (!await AdminAsync()) return;
        var (_, error) = await Directory.CreateTeamAsync(newTeam);
        if (error is null) await Audit.RecordAsync((await Actors.GetAsync()).Name, AuditAction.TeamCreate, null, newTeam.Trim());
        await DoneAsync(error, $"Created team “{newTeam.Trim()}”.");
    }

    private async Task SetMemberAsync()
    {
        if (!await AdminAsync()) return;
        var error = memberTeam is null ? "team: choose a team" : await Directory.SetMemberAsync(memberTeam, memberUser, memberRole);
        if (error is null)
            await Audit.RecordAsync((await Actors.GetAsync()).Name, AuditAction.TeamMember, null, $"{memberUser.Trim()} is {memberRole.ToString().ToLowerInvariant()} of {memberTeam}");
        await DoneAsync(error, $"{memberUser.Trim()} is {memberRole.ToString().ToLowerInvariant()} of {memberTeam}.");
    }

    /// <summary>Choosing a team fills in its current weight and caps.</summary>
    private void SelectQuotaTeam(string? name)
    {
        quotaTeam = name;
        var quota = teams.FirstOrDefault(t => t.Name == name)?.Quota ?? TeamQuota.Default;
        (quotaWeight, quotaCpu, quotaCuda) = (quota.Weight, quota.CpuSlots, quota.CudaSlots);
    }

    private async Task SetQuotaAsync()
    {
        if (!await AdminAsync()) return;
        // A box whose text is not a number kept its old value: saving would set a quota the admin did not type.
        if (unreadableQuota.Any)
        {
            (message, messageIsError) = (string.Join("; ", unreadableQuota.Messages), true);
            return;
        }
        var quota = new TeamQuota(quotaWeight, quotaCpu, quotaCuda);
        IReadOnlyList<string> errors = quotaTeam is null ? ["team: choose a team"] : await Directory.SetQuotaAsync(quotaTeam, quota);
        if (errors.Count == 0) await Audit.RecordAsync((await Actors.GetAsync()).Name, AuditAction.Quota, null, $"{quotaTeam}: {quota}");
        await DoneAsync(errors.Count == 0 ? null : string.Join("; ", errors), $"{quotaTeam}: {quota}.");
    }

    private async Task<bool> AdminAsync()
    {
        if (SearchPermissions.CanAdminister(await Actors.GetAsync())) return true;
        (message, messageIsError) = ("Only admins manage teams.", true);
        return false;
    }

    private async Task DoneAsync(string? error, string success)
    {
        (message, messageIsError) = (error ?? success, error is not null);
        teams = await Directory.ListAsync();
    }
}
