using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiagnosisBench;

/// <summary>The curves as JSON lines (NaN and ±Infinity written by name).</summary>
public static class CurveFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static List<SweepCurve> Read(string path) =>
        File.Exists(path) ? [.. File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<SweepCurve>(l, Options)!)] : [];

    public static void Append(string path, SweepCurve curve) =>
        File.AppendAllText(path, JsonSerializer.Serialize(curve, Options) + "\n");
}
