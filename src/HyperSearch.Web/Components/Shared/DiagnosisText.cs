namespace HyperSearch.Web.Components.Shared;

/// <summary>The store keeps a diagnosis as "label: hint" (label camelCase, e.g. "tooHigh: …"); this splits it.</summary>
public static class DiagnosisText
{
    public static (string? Label, string? Hint) Split(string? diagnosis)
    {
        if (string.IsNullOrWhiteSpace(diagnosis)) return (null, null);
        var colon = diagnosis.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? (diagnosis.Trim(), null) : (diagnosis[..colon].Trim(), diagnosis[(colon + 2)..].Trim());
    }
}
