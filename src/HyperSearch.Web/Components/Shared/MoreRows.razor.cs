using Microsoft.AspNetCore.Components;

namespace HyperSearch.Web.Components.Shared;

public partial class MoreRows
{
    [Parameter] public int Shown { get; set; }
    [Parameter] public int Total { get; set; }
    [Parameter] public string What { get; set; } = "rows";
    [Parameter] public string? Id { get; set; }
    [Parameter] public EventCallback ShowMore { get; set; }
}
