namespace HyperSearch.Core.Access;

/// <summary>What a personal access token may do; a signed-in page session is always <see cref="ReadWrite"/>.</summary>
public enum TokenScope
{
    Read,
    ReadWrite,
}
