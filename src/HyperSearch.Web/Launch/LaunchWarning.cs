namespace HyperSearch.Web.Launch;

/// <summary>Something the validator accepts but that is probably not what the user meant, with the reason.</summary>
public sealed record LaunchWarning(string Field, string Message);
