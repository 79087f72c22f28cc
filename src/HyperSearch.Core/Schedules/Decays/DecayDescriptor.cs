using System.Globalization;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Space;
using HyperSearch.Core.Validation;

namespace HyperSearch.Core.Schedules.Decays;

/// <summary>
/// Everything about one decay type, in one place: its name and config record, PyTorch's class, its
/// parameters (kinds, valid intervals, default search ranges, PyTorch argument names) and its
/// scheduler. The validator, the space reader, the scheduler factory, the JSON contract, the launch
/// form, the REST API and the CLI all read <see cref="DecayCatalog"/>. Adding a type: docs/schedules.md.
/// </summary>
public abstract class DecayDescriptor
{
    /// <summary>Run length assumed for default ranges when the number of schedule steps is unknown (per-batch schedules).</summary>
    public const int FallbackRunLength = 100;

    /// <summary>The JSON discriminator (<c>"type"</c>) of the trial config.</summary>
    public abstract string Type { get; }

    /// <summary>The config record (a <see cref="DecaySpec"/> subclass) this type deserializes to.</summary>
    public abstract Type SpecType { get; }

    /// <summary>The PyTorch 1.13 scheduler class whose LRs this type reproduces.</summary>
    public abstract string TorchClass { get; }

    /// <summary>The parameters in the order the form shows them.</summary>
    public abstract IReadOnlyList<DecayParameter> Parameters { get; }

    /// <summary>The branch a space gets when it names the type without ranges, for a run of <paramref name="runLength"/> steps.</summary>
    public DecayBranch DefaultBranch(int? runLength = null)
    {
        var n = Math.Max(2, runLength ?? FallbackRunLength);
        var parameters = new List<SpaceParam>();
        foreach (var p in Parameters)
        {
            if (p.DefaultRange(n) is { } range) parameters.Add(new SpaceParam(p.Name, range));
        }
        return new DecayBranch(Type, parameters);
    }

    /// <summary>Adds every problem of <paramref name="spec"/> (paths under <c>decay.</c>).</summary>
    public void Validate(DecaySpec spec, List<ValidationError> errors)
    {
        foreach (var p in Parameters)
        {
            Check(errors, "decay." + p.Name, p.Info, p.Read(spec));
        }
        ValidateTogether(spec, errors);
    }

    /// <summary>Rules that involve several parameters at once.</summary>
    protected virtual void ValidateTogether(DecaySpec spec, List<ValidationError> errors) { }

    /// <summary>The scheduler, positioned at step 0; <paramref name="initialLr"/> is the trial's, not the group's current LR.</summary>
    internal abstract ISequentialLrScheduler CreateScheduler(ParamGroup group, DecaySpec spec, double initialLr);

    // Builders for the descriptors' parameter lists.
    protected static DecayParameter Float<T>(string name, string torchName, Func<T, double?> read, Func<int, Distribution?>? range = null,
        double? min = null, bool minExclusive = false, double? max = null, bool maxExclusive = false, bool required = false) where T : DecaySpec =>
        new(new ParamInfo(name, ParamKind.Float, null, min, minExclusive, max, maxExclusive, required), torchName, s => read((T)s), range ?? None);

    protected static DecayParameter Int<T>(string name, string torchName, Func<T, int?> read, Func<int, Distribution?>? range = null,
        double? min = null, bool required = false) where T : DecaySpec =>
        new(new ParamInfo(name, ParamKind.Int, null, min, Required: required), torchName, s => read((T)s), range ?? None);

    protected static DecayParameter Choice<T>(string name, string torchName, Func<T, string?> read, string[] choices,
        Func<int, Distribution?>? range = null) where T : DecaySpec =>
        new(new ParamInfo(name, ParamKind.Choice, null, Choices: choices), torchName, s => read((T)s), range ?? None);

    protected static DecayParameter Bool<T>(string name, string torchName, Func<T, bool> read, Func<int, Distribution?>? range = null) where T : DecaySpec =>
        new(new ParamInfo(name, ParamKind.Bool, null), torchName, s => read((T)s), range ?? None);

    protected static DecayParameter IntList<T>(string name, string torchName, Func<T, IReadOnlyList<int>?> read, Func<int, Distribution?> range,
        double min) where T : DecaySpec =>
        new(new ParamInfo(name, ParamKind.IntList, null, min, Required: true), torchName, s => read((T)s), range);

    protected static DecayParameter FloatList<T>(string name, string torchName, Func<T, IReadOnlyList<double>?> read, Func<int, Distribution?> range,
        double min) where T : DecaySpec =>
        new(new ParamInfo(name, ParamKind.FloatList, null, min, Required: true), torchName, s => read((T)s), range);

    private static Distribution? None(int runLength) => null;

    private static void Check(List<ValidationError> errors, string path, ParamInfo info, object? value)
    {
        switch (value)
        {
            case null when info.Required || info.Kind == ParamKind.Choice:
                errors.Add(new(path, "is required"));
                break;
            case double d when !double.IsFinite(d):
                errors.Add(new(path, $"must be a finite number; got {Format(d)}"));
                break;
            case double d when info.Check(d) is { } problem:
                errors.Add(new(path, $"{problem}; got {Format(d)}"));
                break;
            case int i when info.Check(i) is { } problem:
                errors.Add(new(path, $"{problem}; got {i}"));
                break;
            case string s when info.Choices is { } choices && !choices.Contains(s, StringComparer.Ordinal):
                errors.Add(new(path, $"must be one of {string.Join(", ", choices)}; got '{s}'"));
                break;
            case IReadOnlyList<int> list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (info.Check(list[i]) is { } p) errors.Add(new($"{path}[{i}]", $"{p}; got {list[i]}"));
                    if (i > 0 && list[i] <= list[i - 1]) errors.Add(new($"{path}[{i}]", $"must be greater than the previous value ({list[i - 1]})"));
                }
                break;
            case IReadOnlyList<double> list when list.Count == 0:
                errors.Add(new(path, "must not be empty"));
                break;
            case IReadOnlyList<double> list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (!double.IsFinite(list[i])) errors.Add(new($"{path}[{i}]", $"must be a finite number; got {Format(list[i])}"));
                    else if (info.Check(list[i]) is { } p) errors.Add(new($"{path}[{i}]", $"{p}; got {Format(list[i])}"));
                }
                break;
        }
    }

    private static string Format(double d) => d.ToString("R", CultureInfo.InvariantCulture);
}
