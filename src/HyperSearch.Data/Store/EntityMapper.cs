using System.Text.Json;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Json;
using HyperSearch.Core.Pruning;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Searches.Queue;
using HyperSearch.Core.Trials;
using HyperSearch.Data.Entities;

namespace HyperSearch.Data.Store;

/// <summary>Entities ⇄ contracts and read models.</summary>
internal static class EntityMapper
{
    public static SearchEntity ToEntity(SearchSpec spec, DateTimeOffset now) => new()
    {
        Name = spec.Name,
        Owner = spec.Owner,
        TeamId = spec.TeamId,
        LaunchedByUserId = spec.LaunchedByUserId,
        Workload = spec.Workload,
        Strategy = spec.Strategy,
        SpaceJson = spec.SpaceJson,
        Objective = spec.Objective,
        Direction = spec.Direction,
        Budget = spec.Budget,
        Parallelism = spec.Parallelism,
        Epochs = spec.Epochs,
        ScheduleUnit = spec.ScheduleUnit,
        Seed = spec.Seed ?? SearchSeed.New(),
        GridPoints = spec.GridPoints,
        PrunerJson = JsonSerializer.Serialize(spec.Pruner, HyperJson.Options),
        Priority = spec.Priority,
        State = SearchState.Running,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public static SearchSpec ToSpec(SearchEntity s) => new()
    {
        Name = s.Name,
        Owner = s.Owner,
        TeamId = s.TeamId,
        LaunchedByUserId = s.LaunchedByUserId,
        Workload = s.Workload,
        Strategy = s.Strategy,
        SpaceJson = s.SpaceJson,
        Objective = s.Objective,
        Direction = s.Direction,
        Budget = s.Budget,
        Parallelism = s.Parallelism,
        Epochs = s.Epochs,
        ScheduleUnit = s.ScheduleUnit,
        Seed = s.Seed,
        GridPoints = s.GridPoints,
        Pruner = Pruner(s),
        Priority = s.Priority,
    };

    public static PrunerSpec Pruner(SearchEntity s) => JsonSerializer.Deserialize<PrunerSpec>(s.PrunerJson, HyperJson.Options) ?? new PrunerSpec();

    public static TrialConfig Config(string json) =>
        JsonSerializer.Deserialize<TrialConfig>(json, HyperJson.Options) ?? throw new InvalidDataException("empty trial config");

    /// <summary>A new trial row with the config's parameters copied into the flat columns.</summary>
    public static TrialEntity NewTrial(long searchId, TrialKind kind, int number, TrialConfig config, DateTimeOffset now) => new()
    {
        SearchId = searchId,
        Kind = kind,
        Number = number,
        ConfigJson = JsonSerializer.Serialize(config, HyperJson.Options),
        InitialLr = config.InitialLr,
        DecayType = config.Decay.Type,
        OptimizerType = config.Optimizer is null ? null : JsonNamingPolicy.CamelCase.ConvertName(config.Optimizer.Type.ToString()),
        BatchSize = config.BatchSize,
        WarmupSteps = config.Warmup?.Steps,
        State = TrialState.Queued,
        Attempt = 1,
        QueuedAt = now,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public static ClaimedTrial ToClaimed(TrialEntity t, SearchEntity s) => new()
    {
        Lease = new LeaseRef(t.Id, t.Attempt, t.WorkerId!),
        SearchId = s.Id,
        Number = t.Number,
        Kind = t.Kind,
        Config = Config(t.ConfigJson),
        Workload = s.Workload,
        Epochs = s.Epochs,
        ScheduleUnit = s.ScheduleUnit,
        Seed = unchecked(s.Seed + t.Number),
        Objective = s.Objective,
        Direction = s.Direction,
        Pruner = Pruner(s),
        // The outbox writes epochs in order, so the rows are 1..EpochsDone (a rewind keeps them so).
        EpochsStored = t.EpochsDone,
    };

    public static TrialRow ToRow(TrialEntity t) => new()
    {
        Id = t.Id,
        SearchId = t.SearchId,
        Number = t.Number,
        Kind = t.Kind,
        State = t.State,
        Config = Config(t.ConfigJson),
        InitialLr = t.InitialLr,
        DecayType = t.DecayType,
        OptimizerType = t.OptimizerType,
        BatchSize = t.BatchSize,
        WarmupSteps = t.WarmupSteps,
        Attempt = t.Attempt,
        EpochsDone = t.EpochsDone,
        BestValue = t.BestValue,
        FinalValue = t.FinalValue,
        TestLoss = t.TestLoss,
        TestAccuracy = t.TestAccuracy,
        Diagnosis = t.Diagnosis,
        Error = t.Error,
        WorkerId = t.WorkerId,
        Device = t.Device,
        CreatedAt = t.CreatedAt,
        StartedAt = t.StartedAt,
        FinishedAt = t.FinishedAt,
        UpdatedAt = t.UpdatedAt,
        Notes = t.Notes,
        Tags = TagColumn.Read(t.Tags),
    };

    public static EpochPoint ToPoint(EpochMetricEntity e) => new(
        e.Id, e.TrialId, e.Epoch, Metric(e.TrainLoss), Metric(e.ValLoss), Metric(e.ValAccuracy), Metric(e.Lr), e.ElapsedSeconds, e.Attempt);

    /// <summary>SQLite stores NaN as NULL; a metric column is never NULL for any other reason.</summary>
    public static double Metric(double? stored) => stored ?? double.NaN;

    /// <summary>Microsoft.Data.Sqlite refuses to bind NaN: write it as the NULL SQLite would store anyway.</summary>
    public static double? ToStored(double value, bool sqlite) => sqlite && double.IsNaN(value) ? null : value;

    public static SearchSummary ToSummary(SearchEntity s, string teamName, TrialCounts counts, int? bestNumber) => new()
    {
        Id = s.Id,
        Name = s.Name,
        Owner = s.Owner,
        TeamId = s.TeamId,
        TeamName = teamName,
        LaunchedByUserId = s.LaunchedByUserId,
        Workload = s.Workload,
        Strategy = s.Strategy,
        State = s.State,
        Objective = s.Objective,
        Direction = s.Direction,
        Budget = s.Budget,
        Parallelism = s.Parallelism,
        Epochs = s.Epochs,
        Priority = s.Priority,
        Counts = counts,
        BestTrialId = s.BestTrialId,
        BestTrialNumber = bestNumber,
        BestValue = s.BestValue,
        TestLoss = s.TestLoss,
        TestAccuracy = s.TestAccuracy,
        Error = s.Error,
        CreatedAt = s.CreatedAt,
        FinishedAt = s.FinishedAt,
        UpdatedAt = s.UpdatedAt,
        Notes = s.Notes,
        Tags = TagColumn.Read(s.Tags),
    };

    public static TrialCounts Counts(IEnumerable<(TrialState State, int Count)> groups)
    {
        var byState = groups.ToDictionary(g => g.State, g => g.Count);
        int Get(TrialState state) => byState.GetValueOrDefault(state);
        return new TrialCounts(Get(TrialState.Queued), Get(TrialState.Running), Get(TrialState.Completed), Get(TrialState.Pruned),
            Get(TrialState.Diverged), Get(TrialState.Failed), Get(TrialState.Cancelled));
    }
}
