using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Json;
using HyperSearch.Core.Schedules;
using HyperSearch.Core.Schedules.Decays;
using HyperSearch.Core.Space;
using HyperSearch.Core.Validation;
using HyperSearch.Web.Components.Pages;

namespace HyperSearch.Web.Rerun;

/// <summary>
/// What the "re-run with changes" form edits: one trial's config as typed text, so a half-typed
/// number gets a message under its own box instead of silently becoming 0. <see cref="Read"/> turns
/// it into a config and runs the core's <see cref="TrialConfigValidator"/>; every message carries
/// the config's JSON path (<c>initialLr</c>, <c>decay.gamma</c>, <c>warmup.steps</c>, <c>params.width</c>),
/// which is also the name of the box it belongs to. Fields the form does not show (batch size,
/// gradient clipping, per-layer multipliers, the optimizer's betas) are kept from the original.
/// </summary>
public sealed class RerunForm
{
    private readonly TrialConfig original;

    private RerunForm(TrialConfig original) => this.original = original;

    public string InitialLr { get; set; } = "";
    public string DecayType { get; private set; } = DecayTypes.Constant;

    /// <summary>The decay parameters of <see cref="DecayType"/>, by name (multiStep milestones as "10, 20").</summary>
    public Dictionary<string, string> Decay { get; private set; } = [];

    public bool Warmup { get; set; }
    public string WarmupSteps { get; set; } = "";
    public string WarmupStartFactor { get; set; } = "";

    public bool HasOptimizer { get; set; }
    public OptimizerType Optimizer { get; set; }
    public string Momentum { get; set; } = "";
    public string WeightDecay { get; set; } = "";

    /// <summary>The workload's named parameters (<c>params</c>), values only: their names belong to the search's space.</summary>
    public Dictionary<string, string> Params { get; } = [];

    public IReadOnlyList<DecayParameter> DecayParameters => DecayCatalog.Find(DecayType)?.Parameters ?? [];

    public static RerunForm From(TrialConfig config)
    {
        var form = new RerunForm(config)
        {
            InitialLr = Text(config.InitialLr),
            DecayType = config.Decay.Type,
            Decay = Texts(config.Decay),
            Warmup = config.Warmup is not null,
            WarmupSteps = config.Warmup is { } w ? Text(w.Steps) : "3",
            WarmupStartFactor = Text(config.Warmup?.StartFactor ?? 0.1),
            HasOptimizer = config.Optimizer is not null,
            Optimizer = config.Optimizer?.Type ?? OptimizerType.Sgd,
            Momentum = Text(config.Optimizer?.Momentum ?? 0),
            WeightDecay = Text(config.Optimizer?.EffectiveWeightDecay ?? 0),
        };
        foreach (var (name, value) in config.Params ?? new Dictionary<string, double>()) form.Params[name] = Text(value);
        return form;
    }

    /// <summary>Switches the decay type; the new type's parameters start from a typical setting for a run of <paramref name="steps"/>.</summary>
    public void ChangeDecayType(string type, int steps)
    {
        if (type == DecayType) return;
        DecayType = type;
        Decay = type == original.Decay.Type ? Texts(original.Decay) : Texts(ScheduleExamples.For(type, Math.Max(2, steps)));
    }

    /// <summary>The config, or every problem with its JSON path (text that is not a number is one too).</summary>
    public (TrialConfig? Config, IReadOnlyList<ValidationError> Errors) Read()
    {
        var errors = new List<ValidationError>();
        var lr = Number(errors, "initialLr", InitialLr);
        var decay = ReadDecay(errors);
        WarmupSpec? warmup = null;
        if (Warmup)
        {
            var steps = Integer(errors, "warmup.steps", WarmupSteps);
            var factor = Number(errors, "warmup.startFactor", WarmupStartFactor);
            if (steps is not null && factor is not null) warmup = new WarmupSpec { Steps = steps.Value, StartFactor = factor.Value };
        }

        OptimizerSpec? optimizer = null;
        if (HasOptimizer)
        {
            var momentum = Number(errors, "optimizer.momentum", Momentum);
            var weightDecay = Number(errors, "optimizer.weightDecay", WeightDecay);
            if (momentum is not null && weightDecay is not null)
                optimizer = (original.Optimizer ?? new OptimizerSpec()) with { Type = Optimizer, Momentum = momentum.Value, WeightDecay = weightDecay.Value };
        }

        var parameters = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, text) in Params)
        {
            if (Number(errors, $"params.{name}", text) is { } value) parameters[name] = value;
        }

        // The core validator still judges every part that was readable, so one half-typed box does
        // not hide the other boxes' messages; an unreadable part is judged as a valid stand-in.
        var config = original with
        {
            InitialLr = lr ?? 1,
            Decay = decay ?? new ConstantDecay(),
            Warmup = warmup,
            Optimizer = optimizer,
            Params = original.Params is null ? null : parameters,
        };
        var unreadable = errors.Select(e => e.Path).ToList();
        errors.AddRange(TrialConfigValidator.Validate(config).Where(e => !unreadable.Any(u => Overlaps(u, e.Path))));
        return errors.Count > 0 ? (null, errors) : (config, []);
    }

    // "decay.gamma" unreadable → skip the stand-in decay's messages ("decay", "decay.x"), keep the others.
    private static bool Overlaps(string unreadable, string path)
    {
        var part = unreadable.Split('.', '[')[0];
        return path == part || path.StartsWith(part + ".", StringComparison.Ordinal) || path.StartsWith(part + "[", StringComparison.Ordinal);
    }

    private DecaySpec? ReadDecay(List<ValidationError> errors)
    {
        var descriptor = DecayCatalog.Find(DecayType);
        if (descriptor is null)
        {
            errors.Add(new ValidationError("decay.type", $"unknown decay type '{DecayType}'"));
            return null;
        }

        var json = new JsonObject { ["type"] = DecayType };
        var before = errors.Count;
        foreach (var p in descriptor.Parameters)
        {
            var path = $"decay.{p.Name}";
            var text = Decay.GetValueOrDefault(p.Name, "").Trim();
            if (text.Length == 0)
            {
                // Left empty: PyTorch's default, unless the type cannot do without it.
                if (p.Info.Required) errors.Add(new ValidationError(path, "is required"));
                continue;
            }

            JsonNode? value = p.Info.Kind switch
            {
                ParamKind.Float => Number(errors, path, text) is { } d ? JsonValue.Create(d) : null,
                ParamKind.Int => Integer(errors, path, text) is { } i ? JsonValue.Create(i) : null,
                ParamKind.Bool => bool.TryParse(text, out var b) ? JsonValue.Create(b) : Fail(errors, path, "must be true or false", text),
                ParamKind.IntList => IntList(errors, path, text),
                _ => JsonValue.Create(text),
            };
            if (value is not null) json[p.Name] = value;
        }

        if (errors.Count > before) return null;
        return json.Deserialize<DecaySpec>(HyperJson.Options);
    }

    private static JsonArray? IntList(List<ValidationError> errors, string path, string text)
    {
        var array = new JsonArray();
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            if (Integer(errors, $"{path}[{i}]", parts[i]) is not { } value) return null;
            array.Add(value);
        }
        return array;
    }

    private static double? Number(List<ValidationError> errors, string path, string text)
    {
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        Fail(errors, path, "must be a number (like 0.05 or 1e-3)", text);
        return null;
    }

    private static int? Integer(List<ValidationError> errors, string path, string text)
    {
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        Fail(errors, path, "must be a whole number", text);
        return null;
    }

    private static JsonNode? Fail(List<ValidationError> errors, string path, string message, string text)
    {
        errors.Add(new ValidationError(path, $"{message}; got '{text}'"));
        return null;
    }

    private static Dictionary<string, string> Texts(DecaySpec spec)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in DecayCatalog.Of(spec).Parameters)
        {
            texts[p.Name] = p.Read(spec) switch
            {
                null => "",
                double d => Text(d),
                int i => Text(i),
                bool b => b ? "true" : "false",
                IReadOnlyList<int> list => string.Join(", ", list.Select(Text)),
                var other => other.ToString() ?? "",
            };
        }
        return texts;
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
