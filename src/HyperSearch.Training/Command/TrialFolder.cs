using System.Text.Json;
using HyperSearch.Core.Json;
using HyperSearch.Core.Training;
using HyperSearch.Training.Checkpoints;

namespace HyperSearch.Training.Command;

/// <summary>
/// A command run's folder: under the checkpoint store's key (<c>data/checkpoints/trial-42/</c>) when the
/// request has one, so a trial that returns to the queue finds it again, else a temporary folder deleted
/// after the run. It holds <c>checkpoint/</c> (the program's own files), <c>trial.json</c> (the trial file
/// given to the program) and <c>run.json</c> (<see cref="TrialFolderMeta"/>).
/// </summary>
internal sealed class TrialFolder : IDisposable
{
    private const string MetaName = "run.json";
    private readonly bool _temporary;

    private TrialFolder(string root, bool temporary, TrialFolderMeta meta)
    {
        Root = root;
        _temporary = temporary;
        Meta = meta;
    }

    public string Root { get; }

    public string CheckpointDir => Path.Combine(Root, "checkpoint");

    public string TrialFilePath => Path.Combine(Root, "trial.json");

    public TrialFolderMeta Meta { get; private set; }

    /// <summary>True when the folder holds an earlier attempt of this run (or a PBT parent's copy): the program should resume.</summary>
    public bool Resume { get; private init; }

    /// <summary>Set when a folder of another run (or an unreadable one) was wiped.</summary>
    public string? Warning { get; private init; }

    /// <exception cref="InvalidDataException">A PBT parent's folder does not exist.</exception>
    public static TrialFolder Open(CheckpointStore? store, TrainingRequest request, string configJson)
    {
        var fresh = new TrialFolderMeta(request.Workload, request.Seed, configJson, []);
        if (store is null || request.CheckpointKey is not { } key)
        {
            var temporary = new TrialFolder(Directory.CreateTempSubdirectory("hypersearch-trial-").FullName, true, fresh);
            Directory.CreateDirectory(temporary.CheckpointDir);
            temporary.Save();
            return temporary;
        }

        var root = store.FolderOf(key);
        string? warning = null;
        var (found, problem) = ReadMeta(root);
        if (found is not null && found.Workload == fresh.Workload && found.Seed == fresh.Seed && found.ConfigJson == fresh.ConfigJson)
        {
            return new TrialFolder(root, false, found) { Resume = true };
        }

        if (found is not null || problem is not null)
        {
            warning = $"warning: checkpoint '{key}' could not be restored ({problem ?? $"it belongs to another run (workload {found!.Workload}, seed {found.Seed})"}); the trial restarted from epoch 1";
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(root);
        var folder = new TrialFolder(root, false, fresh) { Warning = warning, Resume = request.ForkFromKey is not null };
        if (request.ForkFromKey is { } parent)
        {
            // PBT: the parent's program state and epochs under this run's config, as TorchTrainer forks.
            var parentRoot = store.FolderOf(parent);
            if (ReadMeta(parentRoot).Meta is not { } parentMeta)
            {
                throw new InvalidDataException($"the parent checkpoint '{parent}' does not exist");
            }

            Copy(Path.Combine(parentRoot, "checkpoint"), folder.CheckpointDir);
            folder.Meta = fresh with { Epochs = parentMeta.Epochs };
        }

        Directory.CreateDirectory(folder.CheckpointDir);
        folder.Save();
        return folder;
    }

    /// <summary>Notes epoch <paramref name="epoch"/> (dropping any noted after it: they were trained again).</summary>
    public void Record(int epoch, RecordedEpoch recorded)
    {
        Meta = Meta with { Epochs = [.. Meta.Epochs.Take(epoch - 1), recorded] };
        Save();
    }

    public void WriteTrialFile(CommandTrialFile trial) =>
        WriteAtomically(TrialFilePath, JsonSerializer.SerializeToUtf8Bytes(trial, HyperJson.Indented));

    public void Dispose()
    {
        if (_temporary)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind costs disk, not correctness.
            }
        }
    }

    private void Save() => WriteAtomically(Path.Combine(Root, MetaName), JsonSerializer.SerializeToUtf8Bytes(Meta, HyperJson.Options));

    private static (TrialFolderMeta? Meta, string? Problem) ReadMeta(string root)
    {
        var path = Path.Combine(root, MetaName);
        if (!File.Exists(path))
        {
            return (null, null);
        }

        try
        {
            return (JsonSerializer.Deserialize<TrialFolderMeta>(File.ReadAllBytes(path), HyperJson.Options), null);
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            return (null, $"{MetaName} is unreadable: {e.Message}");
        }
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
