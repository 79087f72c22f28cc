using HyperSearch.Core.Access;
using HyperSearch.Data.Accounts;
using HyperSearch.Web.Accounts;
using Microsoft.AspNetCore.Components;

namespace HyperSearch.Web.Components.Account;

/// <summary>The audit log for admins, newest first, filtered by action and user (filters in the URL).</summary>
public partial class AuditPage
{
    [Inject] public required ICurrentActor Actors { get; init; }
    [Inject] public required AuditLog Log { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    [SupplyParameterFromQuery(Name = "action")] public string? Action { get; set; }
    [SupplyParameterFromQuery(Name = "user")] public string? User { get; set; }

    private bool admin;
    private IReadOnlyList<AuditEntry> entries = [];

    protected override async Task OnParametersSetAsync()
    {
        // Read on the server for each view: the log is an admin's, whatever the menu shows.
        admin = (await Actors.GetAsync()).IsAdmin;
        entries = admin ? await Log.ListAsync(Action, User) : [];
    }

    private void Filter(string? action, string? user) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["action"] = string.IsNullOrEmpty(action) ? null : action,
            ["user"] = string.IsNullOrWhiteSpace(user) ? null : user,
        }), replace: true);
}
