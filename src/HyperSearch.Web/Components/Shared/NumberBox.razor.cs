using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HyperSearch.Web.Components.Shared;

/// <summary>
/// A number box whose text must read as a number before it changes anything. MudBlazor's numeric
/// field says "Not a valid number" for `x1` but still hands its default value (0) on: a seed or a
/// priority silently became 0. Here a text that does not read is kept in the box with MudBlazor's
/// message, the bound value is left as it was, and the enclosing <see cref="UnreadableNumbers"/>
/// (when a form supplies one) knows the box, so the form's action can refuse, naming it.
/// </summary>
public partial class NumberBox<T> : INumberBox, IDisposable
{
    private MudNumericField<T>? box;

    [Parameter] public T Value { get; set; } = default!;
    [Parameter] public EventCallback<T> ValueChanged { get; set; }

    /// <summary>The box's label; also its name in the form's "not a valid number" message.</summary>
    [Parameter] public string? Label { get; set; }

    /// <summary>Names the box in the form's message where its label is short ("low" of "initial LR").</summary>
    [Parameter] public string? Name { get; set; }

    [CascadingParameter] public UnreadableNumbers? Form { get; set; }

    // The MudBlazor field's own parameters, typed: a captured attribute would arrive as text ("Variant.Outlined").
    [Parameter] public Variant Variant { get; set; } = Variant.Text;
    [Parameter] public Margin Margin { get; set; } = Margin.None;
    [Parameter] public string? HelperText { get; set; }
    [Parameter] public string? Placeholder { get; set; }
    [Parameter] public bool HideSpinButtons { get; set; }
    [Parameter] public string? Format { get; set; }
    [Parameter] public object? Validation { get; set; }
    [Parameter] public string? Class { get; set; }
    [Parameter] public bool Error { get; set; }
    [Parameter] public string? ErrorText { get; set; }

    /// <summary>Passed on only when given: MudBlazor's own defaults are the type's whole range and a step of 1.</summary>
    [Parameter] public T Min { get; set; } = default!;
    [Parameter] public T Max { get; set; } = default!;
    [Parameter] public T Step { get; set; } = default!;

    /// <summary>HTML attributes (aria-label, title) for the input.</summary>
    [Parameter(CaptureUnmatchedValues = true)] public Dictionary<string, object>? Attributes { get; set; }

    private Dictionary<string, object> Passed { get; set; } = [];

    public override Task SetParametersAsync(ParameterView parameters)
    {
        var passed = new Dictionary<string, object>(StringComparer.Ordinal);
        if (parameters.TryGetValue<T>(nameof(Min), out var min) && min is not null) passed[nameof(Min)] = min;
        if (parameters.TryGetValue<T>(nameof(Max), out var max) && max is not null) passed[nameof(Max)] = max;
        if (parameters.TryGetValue<T>(nameof(Step), out var step) && step is not null) passed[nameof(Step)] = step;
        if (parameters.TryGetValue<Dictionary<string, object>>(nameof(Attributes), out var attributes) && attributes is not null)
        {
            foreach (var (name, value) in attributes) passed[name] = value;
        }

        Passed = passed;
        return base.SetParametersAsync(parameters);
    }

    string INumberBox.Name => Name ?? Label ?? "a number box";

    public bool Unreadable => box?.ConversionError == true;

    protected override void OnInitialized() => Form?.Add(this);

    // The converter has just read the box's text: its error flag is about this very value.
    private async Task OnValueChangedAsync(T value)
    {
        if (!Unreadable) await ValueChanged.InvokeAsync(value);
    }

    public void Dispose() => Form?.Remove(this);
}
