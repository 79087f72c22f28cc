using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HyperSearch.Web.Tests.Hosting;

public class WebHostSmokeTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Theory]
    [InlineData("/", "Searches")]
    [InlineData("/playground", "Schedule playground")]
    [InlineData("/queue", "Queue")]
    public async Task Get_Page_RendersLayoutAndTitle(string path, string title)
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(path);

        Assert.Contains($"<title>{title} · HyperSearch</title>", html);
        Assert.Contains("New search", html); // the navigation menu
        Assert.Contains("_framework/blazor.web.js", html);
    }

    [Theory]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/dist/echarts.min.js")]
    [InlineData("/dist/js/charts/lineChart.js")]
    [InlineData("/_content/Radzen.Blazor/Radzen.Blazor.js")]
    public async Task Get_StaticAsset_IsServed(string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Content.Headers.ContentLength > 1000, $"{path} is suspiciously small");
    }

    [Fact]
    public async Task Get_UnknownPage_RendersNotFoundInLayout()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
