using System.Net;
using HyperSearch.Core.Training;
using HyperSearch.Training.Checkpoints;
using HyperSearch.Web.Tests.Fakes;
using Microsoft.AspNetCore.Hosting;

namespace HyperSearch.Web.Tests.Api;

/// <summary>
/// GET /api/trials/{id}/checkpoint serves the kept checkpoint from the configured store, and so does the
/// Trial page's link, /downloads/trials/{id}/checkpoint (open mode: no sign-in).
/// </summary>
public sealed class CheckpointEndpointTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hs-api-ckpt-").FullName;
    private readonly DashboardFactory _factory = new();

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Theory]
    [InlineData("/api")]
    [InlineData("/downloads")]
    public async Task GetCheckpoint_KeptNoneOrUnknownTrial_FileThen404WithReasonThen404(string prefix)
    {
        _factory.Store.AddSearch("s");
        _factory.Store.AddTrial(1, 0.1, "step", 0.3);
        _factory.Store.AddTrial(1, 0.2, "step", 0.4);
        new CheckpointStore(new CheckpointOptions { Directory = _dir }).Write(ICheckpointStore.KeyOf(1), [7, 8, 9]);
        var client = _factory.WithWebHostBuilder(b => b.UseSetting("HyperSearch:Checkpoints:Directory", _dir)).CreateClient();

        var kept = await client.GetAsync($"{prefix}/trials/1/checkpoint");
        var none = await client.GetAsync($"{prefix}/trials/2/checkpoint");
        var unknown = await client.GetAsync($"{prefix}/trials/99/checkpoint");

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal([7, 8, 9], await kept.Content.ReadAsByteArrayAsync());
        Assert.Equal("trial-1.ckpt", kept.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Contains("only while they are their search's best", await none.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
