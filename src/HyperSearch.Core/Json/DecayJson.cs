using System.Text.Json.Serialization.Metadata;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Schedules.Decays;

namespace HyperSearch.Core.Json;

/// <summary>
/// The JSON derived types of <see cref="DecaySpec"/>, taken from <see cref="DecayCatalog"/> (one
/// descriptor per type) instead of an attribute list that would repeat it. Every serializer of
/// trial configs adds it: <see cref="HyperJson"/> does, and so must any other options (the web API's).
/// </summary>
public static class DecayJson
{
    public static void AddDerivedTypes(JsonTypeInfo info)
    {
        if (info.Type != typeof(DecaySpec)) return;
        info.PolymorphismOptions ??= new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "type",
            UnknownDerivedTypeHandling = System.Text.Json.Serialization.JsonUnknownDerivedTypeHandling.FailSerialization,
        };
        foreach (var descriptor in DecayCatalog.All)
            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(descriptor.SpecType, descriptor.Type));
    }

    /// <summary>A resolver with the decay types, for options built outside <see cref="HyperJson"/>.</summary>
    public static IJsonTypeInfoResolver Resolver() => new DefaultJsonTypeInfoResolver { Modifiers = { AddDerivedTypes } };
}
