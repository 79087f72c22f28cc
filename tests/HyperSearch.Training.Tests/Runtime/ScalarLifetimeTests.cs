using System.Collections.Concurrent;
using System.Reflection;
using HyperSearch.Training.Tests.Support;
using HyperSearch.Training.Trainer;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperSearch.Training.Tests.Runtime;

/// <summary>
/// Reads the trainer's IL and fails on every call that hands libtorch an implicitly converted
/// <see cref="Scalar"/>: a conversion in our own code (<c>t.add_(u, alpha: 0.5)</c>) or inside the
/// TorchSharp method we call (<c>a + b</c> is <c>a.add(b)</c>, which converts an alpha of 1). Such a
/// Scalar is unreachable while libtorch still reads it, and a collection on another slot's thread
/// frees it under the call (<see cref="Trainer.ConcurrentTrainingTests"/>). Deterministic, unlike the
/// race itself.
/// </summary>
public sealed class ScalarLifetimeTests
{
    private const int Depth = 3;
    private static readonly Assembly TorchSharpAssembly = typeof(Scalar).Assembly;
    private static readonly ConcurrentDictionary<MethodBase, string?> Verdicts = new();

    [Fact]
    public void TrainingAssembly_NeverHandsLibtorchAnImplicitScalar()
    {
        var offenders = Offenders(typeof(TorchTrainer).Assembly).ToList();

        Assert.True(offenders.Count == 0, "implicitly converted Scalars reach libtorch:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Offenders_ImplicitConversions_AreFound()
    {
        // The control: the check sees both kinds in a method written the hazardous way.
        var found = Offenders(typeof(ScalarLifetimeTests).Assembly).Where(o => o.Contains(nameof(Hazardous))).ToList();

        Assert.Contains(found, o => o.EndsWith("Scalar.op_Implicit", StringComparison.Ordinal));
        Assert.Contains(found, o => o.Contains("Tensor.op_Addition", StringComparison.Ordinal));
    }

    private static Tensor Hazardous(Tensor a, Tensor b) => a.add_(b, alpha: 0.5) + b;

    private static IEnumerable<string> Offenders(Assembly assembly)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                foreach (var callee in IlCalls.Of(method))
                {
                    if (Verdict(callee, 0) is { } path)
                    {
                        yield return $"{type.FullName}.{method.Name} → {path}";
                    }
                }
            }
        }
    }

    /// <summary>Null when the call is safe, else the chain of TorchSharp calls that converts implicitly.</summary>
    private static string? Verdict(MethodBase method, int depth)
    {
        if (method.DeclaringType == typeof(Scalar) && method.Name == "op_Implicit")
        {
            return "Scalar.op_Implicit";
        }

        if (method.DeclaringType?.Assembly != TorchSharpAssembly || method.DeclaringType == typeof(Scalar) || depth >= Depth)
        {
            return null;
        }

        return Verdicts.GetOrAdd(method, m =>
        {
            var callees = IlCalls.Of(m).ToList();
            // Inside TorchSharp an explicit ToScalar() is a hazard too unless the method disposes what it made.
            var disposes = callees.Any(c => c.DeclaringType == typeof(Scalar) && c.Name == nameof(Scalar.Dispose));
            if (!disposes && callees.FirstOrDefault(c => c.Name == nameof(ScalarExtensionMethods.ToScalar)) is { } toScalar)
            {
                return $"{Name(m)} → {toScalar.Name}";
            }

            foreach (var callee in callees)
            {
                if (Verdict(callee, depth + 1) is { } path)
                {
                    return $"{Name(m)} → {path}";
                }
            }

            return null;
        });
    }

    private static string Name(MethodBase method) =>
        $"{method.DeclaringType?.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})";
}
