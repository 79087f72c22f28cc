using System.Buffers.Binary;
using System.IO.Compression;

namespace HyperSearch.Training.Data;

/// <summary>
/// Reads IDX files (big-endian header: 0, 0, type, dimension count, then one int32 per dimension)
/// of unsigned bytes, gzipped (<c>.gz</c>) or plain.
/// </summary>
public static class IdxReader
{
    private const byte UnsignedByteType = 0x08;

    public static IdxFile Read(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress)
            : file;
        return Read(stream, path);
    }

    public static IdxFile Read(Stream stream, string name)
    {
        Span<byte> magic = stackalloc byte[4];
        stream.ReadExactly(magic);
        if (magic[0] != 0 || magic[1] != 0 || magic[2] != UnsignedByteType || magic[3] is 0 or > 4)
        {
            throw new InvalidDataException($"{name}: not an IDX file of unsigned bytes");
        }

        var dims = new int[magic[3]];
        Span<byte> dim = stackalloc byte[4];
        long total = 1;
        for (var i = 0; i < dims.Length; i++)
        {
            stream.ReadExactly(dim);
            dims[i] = BinaryPrimitives.ReadInt32BigEndian(dim);
            if (dims[i] <= 0)
            {
                throw new InvalidDataException($"{name}: dimension {i} is {dims[i]}");
            }

            total *= dims[i];
        }

        if (total > Array.MaxLength)
        {
            throw new InvalidDataException($"{name}: {total} bytes is too large");
        }

        var data = new byte[total];
        try
        {
            stream.ReadExactly(data);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{name}: truncated, expected {total} data bytes");
        }

        return new IdxFile(dims, data);
    }
}
