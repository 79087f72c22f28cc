using Bunit;
using HyperSearch.Web.Components.Shared;

namespace HyperSearch.Web.Tests.Components;

public class DiagnosisBadgeTests : DashboardTestContext
{
    [Fact]
    public void Render_StoredLabelAndHint_ShowsReadableLabelWithHintAsTooltipInErrorColour()
    {
        var cut = Render<DiagnosisBadge>(p => p.Add(b => b.Diagnosis, "tooHigh: loss rose early: lower the LR"));

        var badge = cut.Find(".hs-diagnosis");
        Assert.Equal("LR too high", badge.TextContent.Trim());
        Assert.Equal("loss rose early: lower the LR", badge.GetAttribute("title"));
        Assert.Contains("mud-chip-color-error", badge.ClassName);
    }

    [Fact]
    public void Render_BareLabelWithSeparateHint_UsesTheHint()
    {
        var cut = Render<DiagnosisBadge>(p => p.Add(b => b.Diagnosis, "Healthy").Add(b => b.Hint, "fine"));

        Assert.Equal("fine", cut.Find(".hs-diagnosis").GetAttribute("title"));
        Assert.Contains("mud-chip-color-success", cut.Find(".hs-diagnosis").ClassName);
    }

    [Fact]
    public void Render_UnknownShortCurve_SaysTooShortToDiagnoseInGrey()
    {
        var cut = Render<DiagnosisBadge>(p => p.Add(b => b.Diagnosis, "Unknown").Add(b => b.Hint, "only 3 epoch(s) so far: need at least 5 to diagnose"));

        var badge = cut.Find(".hs-diagnosis");
        Assert.Equal("too short to diagnose", badge.TextContent.Trim());
        Assert.Contains("mud-chip-color-default", badge.ClassName);
        Assert.DoesNotContain("error", badge.ClassName);
    }

    [Fact]
    public void Render_NoDiagnosis_RendersNothing()
    {
        var cut = Render<DiagnosisBadge>(p => p.Add(b => b.Diagnosis, null));

        Assert.Empty(cut.FindAll(".hs-diagnosis"));
    }
}
