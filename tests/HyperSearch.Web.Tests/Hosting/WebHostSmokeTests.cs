using System.Net;
using HyperSearch.Web.Tests.Fakes;

namespace HyperSearch.Web.Tests.Hosting;

public class WebHostSmokeTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
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
    [InlineData("/_content/MudBlazor/MudBlazor.min.js")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css")]
    public async Task Get_StaticAsset_IsServed(string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Content.Headers.ContentLength > 1000, $"{path} is suspiciously small");
    }

    [Fact]
    public async Task Get_Page_LinksAFaviconThatIsServed()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/");

        var href = System.Text.RegularExpressions.Regex.Match(html, "<link rel=\"icon\"[^>]*href=\"([^\"]+)\"").Groups[1].Value;
        Assert.StartsWith("dist/favicon", href);
        using var icon = await client.GetAsync("/" + href);
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_UnknownPage_RendersNotFoundInLayout()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
