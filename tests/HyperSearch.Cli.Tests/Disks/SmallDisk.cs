using System.Diagnostics;

namespace HyperSearch.Cli.Tests.Disks;

/// <summary>A tmpfs of a few kilobytes mounted for one test: filled up it is a full disk, remounted read-only a read-only one.</summary>
public sealed class SmallDisk : IAsyncDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    public static async Task<SmallDisk> MountAsync(int kilobytes = 64)
    {
        var path = Directory.CreateTempSubdirectory("hs-disk-").FullName;
        await RunAsync("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", path);
        return new SmallDisk(path);
    }

    /// <summary>Writes one file until the disk refuses more (ENOSPC).</summary>
    public void Fill()
    {
        // Unbuffered: the write that finds the disk full throws here, not in Dispose.
        using var filler = new FileStream(System.IO.Path.Combine(Path, "filler"), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        var block = new byte[1024];
        try
        {
            while (true) filler.Write(block);
        }
        catch (IOException)
        {
        }
    }

    public Task MakeReadOnlyAsync() => RunAsync("mount", "-o", "remount,ro", Path);

    public async ValueTask DisposeAsync()
    {
        await RunAsync("umount", "--lazy", Path);
        Directory.Delete(Path);
    }

    private static async Task RunAsync(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed: {error}");
    }
}
