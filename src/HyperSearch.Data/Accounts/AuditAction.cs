namespace HyperSearch.Data.Accounts;

/// <summary>The actions the audit log records (stored as these strings).</summary>
public static class AuditAction
{
    public const string Launch = "launch";
    public const string Clone = "clone";
    public const string Cancel = "cancel";
    public const string CancelTrial = "cancel-trial";
    public const string AddTrial = "add-trial";
    public const string Pause = "pause";
    public const string Resume = "resume";
    public const string Priority = "priority";
    public const string TeamCreate = "team-create";
    public const string TeamMember = "team-member";
    public const string Quota = "quota";
    public const string Annotate = "annotate";

    public static readonly string[] All = [Launch, Clone, Cancel, CancelTrial, AddTrial, Pause, Resume, Priority, TeamCreate, TeamMember, Quota, Annotate];
}
