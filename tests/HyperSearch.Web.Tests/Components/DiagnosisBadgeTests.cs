using Bunit;
using HyperSearch.Web.Components.Shared;

namespace HyperSearch.Web.Tests.Components;

public class DiagnosisBadgeTests : BunitContext
{
    [Fact]
    public void Render_StoredLabelAndHint_ShowsLabelWithHintAsTooltipInDangerStyle()
    {
        var cut = Render<DiagnosisBadge>(p => p.Add(b => b.Diagnosis, "tooHigh: loss rose early: lower the LR"));

        var badge = cut.Find(".hs-diagnosis");
        Assert.Equal("tooHigh", badge.TextContent.Trim());
        Assert.Equal("loss rose early: lower the LR", badge.GetAttribute("title"));
        Assert.Contains("danger", badge.ClassName);
    }

    [Fact]
    public void Render_BareLabelWithSeparateHint_UsesTheHint()
    {
        var cut = Render<DiagnosisBadge>(p => p.Add(b => b.Diagnosis, "Healthy").Add(b => b.Hint, "fine"));

        Assert.Equal("fine", cut.Find(".hs-diagnosis").GetAttribute("title"));
        Assert.Contains("success", cut.Find(".hs-diagnosis").ClassName);
    }

    [Fact]
    public void Render_NoDiagnosis_RendersNothing()
    {
        var cut = Render<DiagnosisBadge>(p => p.Add(b => b.Diagnosis, null));

        Assert.Empty(cut.FindAll(".hs-diagnosis"));
    }
}
