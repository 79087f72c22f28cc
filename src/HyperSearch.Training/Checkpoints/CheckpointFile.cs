using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace HyperSearch.Training.Checkpoints;

/// <summary>
/// The checkpoint format: magic, the JSON <see cref="CheckpointMeta"/>, the training state (model,
/// optimizer, RNG; written by the session), then a SHA-256 of everything before it, so a torn or
/// corrupted file is recognised instead of half-loaded.
/// </summary>
public static class CheckpointFile
{
    // 02: the RNG state is the trial's own generator (01 held libtorch's process-wide one).
    // 03: the optimizer state is HyperSearch's own (steps and state tensors per parameter), not TorchSharp's.
    private static readonly byte[] Magic = "HSCKPT03"u8.ToArray();
    private const int HashLength = 32;

    public static byte[] Write(CheckpointMeta meta, Action<BinaryWriter> writeState)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            var json = JsonSerializer.SerializeToUtf8Bytes(meta);
            writer.Write(json.Length);
            writer.Write(json);
            writeState(writer);
        }

        var hash = SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        buffer.Write(hash);
        return buffer.ToArray();
    }

    /// <summary>The meta and a reader positioned at the state.</summary>
    /// <exception cref="InvalidDataException">Not a checkpoint, or damaged.</exception>
    public static (CheckpointMeta Meta, BinaryReader State) Read(byte[] bytes)
    {
        if (bytes.Length < Magic.Length + 4 + HashLength || !bytes.AsSpan(0, Magic.Length - 2).SequenceEqual(Magic.AsSpan(0, Magic.Length - 2)))
        {
            throw new InvalidDataException("not a HyperSearch checkpoint");
        }

        if (!bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new InvalidDataException($"format {Encoding.ASCII.GetString(bytes, 0, Magic.Length)} is not the current {Encoding.ASCII.GetString(Magic)}");
        }

        var body = bytes.AsSpan(0, bytes.Length - HashLength);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(body.Length)))
        {
            throw new InvalidDataException("checksum mismatch (truncated or corrupted file)");
        }

        var reader = new BinaryReader(new MemoryStream(bytes, 0, body.Length, writable: false), Encoding.UTF8);
        reader.ReadBytes(Magic.Length);
        var length = reader.ReadInt32();
        var meta = JsonSerializer.Deserialize<CheckpointMeta>(reader.ReadBytes(length))
            ?? throw new InvalidDataException("empty checkpoint header");
        return (meta, reader);
    }
}
