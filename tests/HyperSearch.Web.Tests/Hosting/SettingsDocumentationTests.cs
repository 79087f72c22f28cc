using System.Text.Json;
using System.Text.RegularExpressions;
using HyperSearch.Web.Live;

namespace HyperSearch.Web.Tests.Hosting;

/// <summary>
/// The README's configuration table, the one appsettings.json and the code's defaults tell the same
/// story: a setting the README documents can be found (and changed) in the file, with the default it names.
/// </summary>
public partial class SettingsDocumentationTests
{
    private static readonly string Root = FindRoot();

    [GeneratedRegex(@"^\| `(?<key>HyperSearch:[A-Za-z:]+)` \| `(?<value>[^`]*)` \|", RegexOptions.Multiline)]
    private static partial Regex DocumentedSetting();

    private static Dictionary<string, string> Documented() =>
        DocumentedSetting().Matches(File.ReadAllText(Path.Combine(Root, "README.md")))
            .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value);

    [Fact]
    public void Readme_EveryDocumentedSetting_IsInAppsettingsWithItsDefault()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "appsettings.json")));
        var documented = Documented();

        Assert.Contains("HyperSearch:Dashboard:MaxBufferedEpochs", documented.Keys);
        Assert.All(documented, setting =>
        {
            var element = settings.RootElement;
            foreach (var part in setting.Key.Split(':'))
            {
                Assert.True(element.TryGetProperty(part, out element), $"{setting.Key} is documented but not in appsettings.json");
            }

            var value = element.ValueKind switch
            {
                JsonValueKind.String => element.GetString(),
                JsonValueKind.Array => element.GetRawText().Replace(" ", "", StringComparison.Ordinal),
                _ => element.GetRawText(),
            };
            Assert.Equal(setting.Value, value);
        });
    }

    [Fact]
    public void Readme_DashboardDefaults_AreTheCodesDefaults()
    {
        var documented = Documented();
        var defaults = new LiveFeedOptions();

        Assert.Equal(defaults.LiveFeedMilliseconds.ToString(), documented["HyperSearch:Dashboard:LiveFeedMilliseconds"]);
        Assert.Equal(defaults.JsCallTimeoutMilliseconds.ToString(), documented["HyperSearch:Dashboard:JsCallTimeoutMilliseconds"]);
        Assert.Equal(defaults.SlowDeliveryWarningMilliseconds.ToString(), documented["HyperSearch:Dashboard:SlowDeliveryWarningMilliseconds"]);
        Assert.Equal(defaults.MaxBufferedEpochs.ToString(), documented["HyperSearch:Dashboard:MaxBufferedEpochs"]);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HyperSearch.sln"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException("HyperSearch.sln not found above " + AppContext.BaseDirectory);
    }
}
