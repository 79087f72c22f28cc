namespace HyperSearch.Core.Access;

/// <summary>A member's role in one team, weakest first (so roles compare with &lt; and ≥).</summary>
public enum TeamRole
{
    /// <summary>Sees the team's work.</summary>
    Viewer,
    /// <summary>Launches searches in the team and manages their own.</summary>
    Member,
    /// <summary>Manages every search of the team and its priorities.</summary>
    Lead,
}
