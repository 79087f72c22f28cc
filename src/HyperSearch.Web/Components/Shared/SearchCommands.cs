using HyperSearch.Core.Access;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Pbt;
using HyperSearch.Core.Searches;
using HyperSearch.Data.Accounts;
using HyperSearch.Web.Accounts;
using MudBlazor;

namespace HyperSearch.Web.Components.Shared;

/// <summary>
/// Pause, resume, cancel (after a confirmation), priority of a search, adding a trial to it and a PBT replay, with the result in a
/// snackbar: one place for the Searches, Search and Queue pages. Each command is authorised here,
/// on the server, against the circuit's user (a hidden button is not authorisation).
/// </summary>
public sealed class SearchCommands(ITrialStore store, IDialogService dialogs, ISnackbar snackbar, ICurrentActor actors, IAuditTrail audit, ILaunchTeams launchTeams)
{
    /// <summary>The step of the priority buttons: priorities span −1000…1000, so ±1 per click moved nothing visible.</summary>
    public const int PriorityStep = 10;

    public async Task<bool> PauseAsync(long id, string name) =>
        await AllowedAsync(id, name, Manage) && await AuditedAsync(Report(await store.PauseSearchAsync(id), $"Paused “{name}”: running trials finish, no new ones start.", name), AuditAction.Pause, id, "");

    public async Task<bool> ResumeAsync(long id, string name) =>
        await AllowedAsync(id, name, Manage) && await AuditedAsync(Report(await store.ResumeSearchAsync(id), $"Resumed “{name}”.", name), AuditAction.Resume, id, "");

    public async Task<bool> CancelAsync(long id, string name)
    {
        if (!await AllowedAsync(id, name, Manage)) return false;
        if (!await ConfirmDialog.AskAsync(dialogs, "Cancel search?",
                $"Cancel “{name}”? Its queued trials are cancelled now and running ones stop at their next check. This cannot be undone.",
                "Cancel search"))
            return false;
        return await AuditedAsync(Report(await store.CancelSearchAsync(id), $"Cancelled “{name}”.", name), AuditAction.Cancel, id, "");
    }

    public async Task<bool> CancelTrialAsync(long trialId, string label)
    {
        if (await store.GetTrialAsync(trialId) is not { } trial || !await AllowedAsync(trial.SearchId, label, Manage)) return false;
        if (!await ConfirmDialog.AskAsync(dialogs, "Cancel trial?", $"Cancel {label}? This cannot be undone.", "Cancel trial"))
            return false;
        var done = await store.CancelTrialAsync(trialId);
        snackbar.Add(done ? $"Cancelled {label}." : $"{label} had already finished.", done ? Severity.Success : Severity.Warning);
        return await AuditedAsync(done, AuditAction.CancelTrial, trial.SearchId, label);
    }

    public async Task<bool> SetPriorityAsync(long id, string name, int priority)
    {
        var clamped = Math.Clamp(priority, -1000, 1000);
        if (!await AllowedAsync(id, name, (a, s) => SearchPermissions.CanSetPriority(a, s.TeamId))) return false;
        return await AuditedAsync(Report(await store.SetPriorityAsync(id, clamped), $"Priority of “{name}” is now {clamped}.", name),
            AuditAction.Priority, id, $"priority {clamped}");
    }

    /// <summary>"Re-run with changes": adds the config as a new trial of the search; null when the user may not.</summary>
    public async Task<AddedTrial?> AddTrialAsync(long searchId, string name, TrialConfig config)
    {
        if (!await AllowedAsync(searchId, name, Manage)) return null;
        var added = await store.AddTrialAsync(searchId, config);
        await AuditedAsync(added.Status == AddTrialStatus.Added, AuditAction.AddTrial, searchId, $"trial #{added.Number}");
        return added;
    }

    /// <summary>
    /// PBT "Replay": a new search in the PBT search's team, launched by the circuit's user (as the
    /// launch form does); null when they may not launch there.
    /// </summary>
    public async Task<long?> LaunchReplayAsync(SearchDetail pbt, TrialConfig exported)
    {
        var actor = await actors.GetAsync();
        var (owned, _, problem) = await launchTeams.AssignAsync(actor, PbtReplay.SpecOf(pbt.Spec, exported) with { Team = pbt.Summary.TeamName });
        if (owned is null)
        {
            snackbar.Add($"You may not replay “{pbt.Summary.Name}”: {problem}.", Severity.Error);
            return null;
        }
        return (await store.LaunchSearchAsync(owned, new SearchLaunch(actor.Name, AuditAction.Launch, $"“{owned.Name}” from search {pbt.Summary.Id}"))).SearchId;
    }

    /// <summary>Replaces the search's notes and tags (members of its team and admins).</summary>
    public async Task<bool> AnnotateSearchAsync(long searchId, string name, Annotation annotation)
    {
        if (!await AllowedAsync(searchId, name, Annotate)) return false;
        var done = await store.AnnotateSearchAsync(searchId, annotation);
        snackbar.Add(done ? $"Saved the notes and tags of “{name}”." : $"“{name}” no longer exists.", done ? Severity.Success : Severity.Warning);
        return await AuditedAsync(done, AuditAction.Annotate, searchId, $"tags [{string.Join(", ", annotation.Tags)}], notes of {annotation.Notes.Length} characters");
    }

    /// <summary>Replaces a trial's notes and tags (members of its search's team and admins).</summary>
    public async Task<bool> AnnotateTrialAsync(long trialId, string label, Annotation annotation)
    {
        if (await store.GetTrialAsync(trialId) is not { } trial || !await AllowedAsync(trial.SearchId, label, Annotate)) return false;
        var done = await store.AnnotateTrialAsync(trialId, annotation);
        snackbar.Add(done ? $"Saved the notes and tags of {label}." : $"{label} no longer exists.", done ? Severity.Success : Severity.Warning);
        return await AuditedAsync(done, AuditAction.Annotate, trial.SearchId, $"trial #{trial.Number}: tags [{string.Join(", ", annotation.Tags)}], notes of {annotation.Notes.Length} characters");
    }

    public static bool Annotate(Actor actor, SearchSummary s) => SearchPermissions.CanAnnotate(actor, s.TeamId);

    /// <summary>What the circuit's user may do to a search, for showing controls (the commands check again).</summary>
    public async Task<Actor> ActorAsync() => await actors.GetAsync();

    public static bool Manage(Actor actor, SearchSummary s) => SearchPermissions.CanManage(actor, s.TeamId, s.LaunchedByUserId);

    private async Task<bool> AllowedAsync(long searchId, string name, Func<Actor, SearchSummary, bool> rule)
    {
        var actor = await actors.GetAsync();
        if (await store.GetSearchAsync(searchId) is not { } search) return false;
        if (rule(actor, search.Summary)) return true;
        snackbar.Add($"You may not change “{name}”: it belongs to team {search.Summary.TeamName}.", Severity.Error);
        return false;
    }

    private async Task<bool> AuditedAsync(bool done, string action, long searchId, string detail)
    {
        if (done) await audit.RecordAsync((await actors.GetAsync()).Name, action, searchId, detail);
        return done;
    }

    private bool Report(bool done, string message, string name)
    {
        snackbar.Add(done ? message : $"“{name}” has already finished.", done ? Severity.Success : Severity.Warning);
        return done;
    }
}
