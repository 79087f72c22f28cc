using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HyperSearch.Web.Components.Shared;

/// <summary>Asks before something that cannot be undone (cancelling a search or a trial).</summary>
public partial class ConfirmDialog
{
    [CascadingParameter] public required IMudDialogInstance Dialog { get; set; }

    [Parameter] public string Title { get; set; } = "Are you sure?";
    [Parameter] public string Message { get; set; } = "";
    [Parameter] public string ConfirmText { get; set; } = "Yes";

    /// <summary>Shows the dialog; true when the user confirmed.</summary>
    public static async Task<bool> AskAsync(IDialogService dialogs, string title, string message, string confirmText)
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Title, title },
            { d => d.Message, message },
            { d => d.ConfirmText, confirmText },
        };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        var result = await dialog.Result;
        return result is { Canceled: false };
    }
}
